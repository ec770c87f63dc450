package com.healthconnect.call.web;

import java.time.Instant;

import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.auth.Role;
import com.healthconnect.call.internal.CallLog;
import com.healthconnect.call.internal.CallOutcome;
import com.healthconnect.call.internal.CallRecord;
import com.healthconnect.call.internal.IceServers;
import com.healthconnect.call.internal.IceServers.IceConfig;
import com.healthconnect.platform.Pages;
import com.healthconnect.appointment.People;

@RestController
@RequestMapping("/api/calls")
class CallsController {

	private final CallLog callLog;
	private final IceServers iceServers;
	private final People people;

	CallsController(CallLog callLog, IceServers iceServers, People people) {
		this.callLog = callLog;
		this.iceServers = iceServers;
		this.people = people;
	}

	/** The caller's own calls, placed or received, newest first. */
	@GetMapping
	Pages<CallView> calls(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var request = Pages.request(page, size, Sort.unsorted());
		return Pages.of(callLog.of(user.id(), request), call -> view(user, call));
	}

	@GetMapping("/ice-servers")
	IceConfig iceServers(@AuthenticationPrincipal CurrentUser user) {
		return iceServers.forUser(user.id());
	}

	private CallView view(CurrentUser user, CallRecord call) {
		boolean outgoing = call.callerId().equals(user.id());
		String peerId = outgoing ? call.calleeId() : call.callerId();
		var peer = people.get(peerId, People.counterpartRole(user.role()));
		return new CallView(call.id(), new Peer(peer.id(), peer.name(), peer.role()), outgoing ? "outgoing" : "incoming",
				call.mode(), call.appointmentId(), call.startedAt(), call.answeredAt(), call.endedAt(), call.outcome());
	}

	record CallView(String id, Peer peer, String direction, String mode,
			@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String appointmentId,
			Instant startedAt, Instant answeredAt,
			Instant endedAt, CallOutcome outcome) {
	}

	record Peer(String id, String name, Role role) {
	}
}
