package com.healthconnect.realtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @MessageMapping} method or its controller: each SEND frame to it draws on the sender's per-user budget
 * of this kind, over all their sessions on every instance (limits in {@code healthconnect.realtime.per-user.*}). The
 * destinations clients may send to at all are exactly the {@code /app} message mappings the modules declare.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface SendBudget {

	Kind value();

	enum Kind {
		/** chat messages and typing signals */
		CHAT,
		/** call set-up, answers, ICE candidates, hang-ups */
		SIGNALING
	}
}
