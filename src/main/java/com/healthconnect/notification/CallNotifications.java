package com.healthconnect.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.healthconnect.call.CallMissed;
import com.healthconnect.messaging.MessageWhileAway;

/**
 * A call that rang unanswered leaves a {@code call-missed} notification for the callee; a message to someone with no
 * open session a {@code message-received} one (who wrote, never what).
 */
@Component
class CallNotifications {

	private final Notifications notifications;

	CallNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@EventListener
	void missed(CallMissed event) {
		String caller = event.callerName() == null ? "Someone" : event.callerName();
		notifications.notify(new NewNotification(event.calleeId(), "call-missed", "Missed call",
				caller + " called you and you did not answer.", event.appointmentId()));
	}

	@EventListener
	void messageWhileAway(MessageWhileAway event) {
		notifications.notify(new NewNotification(event.receiverId(), "message-received", "New message",
				event.senderName() + " sent you a message.", null));
	}
}
