package com.healthconnect.notification;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.notification.internal.NotificationStore;
import com.healthconnect.privacy.PersonalData;

/** A user's notifications and e-mail preference: exported, and erased with the account. */
@Component
@Order(30)
class NotificationPersonalData implements PersonalData {

	private final NotificationStore store;

	NotificationPersonalData(NotificationStore store) {
		this.store = store;
	}

	@Override
	public String section() {
		return "notifications";
	}

	@Override
	public Object export(CurrentUser user) {
		return Map.of("emailOn", store.emailOn(user.id()),
				"items", store.all(user.id()).stream().map(Notifications::view).toList());
	}

	@Override
	public void erase(CurrentUser user) {
		store.eraseAll(user.id());
	}
}
