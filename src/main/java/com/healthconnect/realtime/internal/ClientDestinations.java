package com.healthconnect.realtime.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.handler.HandlerMethod;
import org.springframework.messaging.simp.SimpMessageMappingInfo;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

import com.healthconnect.realtime.SendBudget;

/**
 * The destinations clients may SEND to: exactly the {@code @MessageMapping}s that the modules owning them declare
 * (under the {@code /app} prefix), each with the per-user {@link SendBudget} its method or controller names, if any.
 * Read once from Spring's annotation handler, on first use.
 */
@Component
class ClientDestinations {

	private final ObjectProvider<SimpAnnotationMethodMessageHandler> handler;
	private volatile Map<String, Optional<SendBudget.Kind>> destinations;

	ClientDestinations(ObjectProvider<SimpAnnotationMethodMessageHandler> handler) {
		this.handler = handler;
	}

	boolean allows(String destination) {
		return destination != null && destinations().containsKey(destination);
	}

	/** The per-user budget a SEND to this destination draws on; empty if none (or not a destination at all). */
	Optional<SendBudget.Kind> budget(String destination) {
		return destination == null ? Optional.empty() : destinations().getOrDefault(destination, Optional.empty());
	}

	private Map<String, Optional<SendBudget.Kind>> destinations() {
		Map<String, Optional<SendBudget.Kind>> known = destinations;
		if (known == null) {
			known = read(handler.getObject());
			destinations = known;
		}
		return known;
	}

	static Map<String, Optional<SendBudget.Kind>> read(SimpAnnotationMethodMessageHandler handler) {
		AntPathMatcher matcher = new AntPathMatcher();
		Map<String, Optional<SendBudget.Kind>> found = new HashMap<>();
		for (Map.Entry<SimpMessageMappingInfo, HandlerMethod> mapping : handler.getHandlerMethods().entrySet()) {
			SimpMessageMappingInfo info = mapping.getKey();
			if (info.getMessageTypeMessageCondition().getMessageType() != SimpMessageType.MESSAGE) {
				continue; // @SubscribeMapping: not a SEND destination
			}
			Optional<SendBudget.Kind> budget = budget(mapping.getValue());
			for (String pattern : info.getDestinationConditions().getPatterns()) {
				if (matcher.isPattern(pattern)) {
					throw new IllegalStateException("A client destination must be one fixed path, not " + pattern
							+ " (" + mapping.getValue() + ")");
				}
				for (String prefix : handler.getDestinationPrefixes()) {
					found.put(join(prefix, pattern), budget);
				}
			}
		}
		return Map.copyOf(found);
	}

	private static Optional<SendBudget.Kind> budget(HandlerMethod method) {
		SendBudget onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), SendBudget.class);
		SendBudget budget = onMethod != null ? onMethod
				: AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), SendBudget.class);
		return Optional.ofNullable(budget).map(SendBudget::value);
	}

	private static String join(String prefix, String pattern) {
		String head = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
		return head + (pattern.startsWith("/") ? pattern : "/" + pattern);
	}
}
