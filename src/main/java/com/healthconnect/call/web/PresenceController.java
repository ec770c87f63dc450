package com.healthconnect.call.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.call.internal.Presence;
import com.healthconnect.platform.DomainException;

/**
 * {@code GET /api/presence?ids=a,b}: one entry per id asked for, in order. Users the caller is not connected to are
 * always reported offline, so the endpoint reveals nothing about strangers.
 */
@RestController
class PresenceController {

	private static final int MAX_IDS = 100;

	private final Presence presence;

	PresenceController(Presence presence) {
		this.presence = presence;
	}

	@GetMapping("/api/presence")
	List<PresenceView> presence(@AuthenticationPrincipal CurrentUser user, @RequestParam String ids) {
		List<String> wanted = Arrays.stream(ids.split(",")).map(String::trim).filter(id -> !id.isEmpty()).distinct()
			.toList();
		if (wanted.size() > MAX_IDS) {
			throw DomainException.invalidField("ids", "at most " + MAX_IDS + " ids at once");
		}
		return wanted.stream().map(id -> new PresenceView(id, presence.isOnlineFor(user, id))).toList();
	}

	record PresenceView(String userId, boolean online) {
	}
}
