package com.healthconnect.messaging;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.healthconnect.auth.CurrentUser;
import com.healthconnect.messaging.internal.Messaging;
import com.healthconnect.privacy.PersonalData;

/**
 * The messages a user sent and received. They stay when the account is deleted: each is also the other person's
 * record of the conversation, and it then names a "Deleted user" (the images in them go with the account's media).
 */
@Component
@Order(20)
class MessagingPersonalData implements PersonalData {

	private final Messaging messaging;

	MessagingPersonalData(Messaging messaging) {
		this.messaging = messaging;
	}

	@Override
	public String section() {
		return "messages";
	}

	@Override
	public Object export(CurrentUser user) {
		return messaging.allOf(user.id());
	}

	@Override
	public void erase(CurrentUser user) {
		// kept for the other participant
	}
}
