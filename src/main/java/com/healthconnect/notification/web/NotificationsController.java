package com.healthconnect.notification.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.notification.NotificationPreferences;
import com.healthconnect.notification.NotificationView;
import com.healthconnect.notification.Notifications;
import com.healthconnect.platform.Pages;

import jakarta.validation.Valid;

/** {@code /api/notifications}: always the caller's own. */
@RestController
@RequestMapping("/api/notifications")
class NotificationsController {

	private final Notifications notifications;

	NotificationsController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	Pages<NotificationView> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) Boolean unread, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return notifications.list(user.id(), unread, page, size);
	}

	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		notifications.markRead(user.id(), id);
	}

	@PostMapping("/read-all")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void readAll(@AuthenticationPrincipal CurrentUser user) {
		notifications.markAllRead(user.id());
	}

	@GetMapping("/preferences")
	NotificationPreferences preferences(@AuthenticationPrincipal CurrentUser user) {
		return notifications.preferences(user.id());
	}

	@PutMapping("/preferences")
	NotificationPreferences updatePreferences(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody NotificationPreferences preferences) {
		return notifications.updatePreferences(user.id(), preferences);
	}
}
