package com.healthconnect.realtime.internal;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP 1.2 over plain WebSocket at {@code /ws} with Spring's simple broker on {@code /queue}. Clients send to
 * {@code /app/...} and receive on {@code /user/queue/...}. Order is preserved per session both ways, since signaling
 * (offer before candidates) depends on it: inbound by handling each frame on the thread that read it from its socket
 * (a socket's frames are read one after another), outbound by writing in place.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	private final RealtimeProperties properties;
	private final AllowedOrigins origins;
	private final HandshakeGuard handshakeGuard;
	private final StompGatekeeper gatekeeper;
	private final OpenSockets sockets;
	private TaskScheduler brokerScheduler;

	WebSocketConfiguration(RealtimeProperties properties, AllowedOrigins origins, HandshakeGuard handshakeGuard,
			StompGatekeeper gatekeeper, OpenSockets sockets) {
		this.properties = properties;
		this.origins = origins;
		this.handshakeGuard = handshakeGuard;
		this.gatekeeper = gatekeeper;
		this.sockets = sockets;
	}

	@Autowired
	void setBrokerScheduler(@Lazy TaskScheduler messageBrokerTaskScheduler) {
		this.brokerScheduler = messageBrokerTaskScheduler;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		// same origin is always allowed; the list adds more
		registry.addEndpoint("/ws")
			.setAllowedOriginPatterns(origins.allowedOrigins().toArray(String[]::new))
			.addInterceptors(handshakeGuard);
		registry.setErrorHandler(new FrameErrors());
	}

	/**
	 * Swaps Spring's STOMP socket handler for one that {@link DirectDelivery} can write encoded frames through. The
	 * replacement is made before anything is configured on it, with the same channels.
	 */
	@Bean
	static BeanPostProcessor stompSocketHandler(BeanFactory beans) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SubProtocolWebSocketHandler original && !(bean instanceof StompSocketHandler)) {
					StompSocketHandler handler = new StompSocketHandler(
							beans.getBean("clientInboundChannel", MessageChannel.class),
							beans.getBean("clientOutboundChannel", SubscribableChannel.class));
					handler.setPhase(original.getPhase());
					return handler;
				}
				return bean;
			}
		};
	}

	/** Swaps the simple broker's subscription registry for one that finds per-session destinations in O(1). */
	@Bean
	static BeanPostProcessor exactSubscriptionRegistry() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SimpleBrokerMessageHandler broker) {
					broker.setSubscriptionRegistry(new ExactSubscriptionRegistry());
				}
				return bean;
			}
		};
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		long heartbeat = properties.heartbeat().toMillis();
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
		registry.enableSimpleBroker("/queue")
			.setHeartbeatValue(new long[] { heartbeat, heartbeat })
			.setTaskScheduler(brokerScheduler);
		// the user registry must have counted a session before presence listeners ask it
		registry.setUserRegistryOrder(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit((int) properties.maxFrameSize().toBytes())
			.setSendTimeLimit((int) properties.sendTimeLimit().toMillis())
			.setSendBufferSizeLimit((int) properties.sendBufferSize().toBytes())
			.addDecoratorFactory(handler -> new GuardedSocketHandler(handler, sockets, gatekeeper,
					(int) properties.maxFrameSize().toBytes()));
	}

	/**
	 * Frames from clients are handled on the thread that read them from the socket, not handed to an inbound pool:
	 * that hand-off cost a thread wake-up per frame, and a pool re-orders a session's frames unless each session gets
	 * an ordering queue. A socket's frames are read one after another, so handled in place they are handled in the
	 * order sent (an offer before its candidates), and a direct route such as {@link GuardedSocketHandler}'s cannot
	 * overtake an earlier frame still waiting in a queue. What blocks (storing chat messages) runs on
	 * {@code BlockingWork}, in order per session; the rest is in-memory work or a cached lookup (a database read on a
	 * miss, as a web request does on the same threads).
	 */
	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(gatekeeper);
		registration.executor(new SyncTaskExecutor());
	}

	/**
	 * Frames to clients are written by the thread that publishes them, not handed to an outbound pool. The hand-off
	 * cost a thread wake-up per relayed frame (the largest share of the relay's latency on two cores), and a pool
	 * re-orders what one thread publishes unless every session gets an ordering queue; written in place, what one
	 * thread publishes to a session goes out in that order with no queue. A slow client still cannot stall others:
	 * Spring's {@code ConcurrentWebSocketSessionDecorator} lets one thread write to a session at a time, buffers what
	 * other threads send meanwhile, and closes the session past {@code send-time-limit} or {@code send-buffer-size}.
	 */
	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.executor(new SyncTaskExecutor());
	}

	/** Small per-socket buffers: see {@link SocketBuffers}. */
	@Bean
	TomcatConnectorCustomizer socketBuffers() {
		return SocketBuffers.connectorBuffers(properties.socketBufferSize());
	}

	/** Small WebSocket message buffers; longer messages arrive in parts (see {@link GuardedSocketHandler}). */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		int buffer = (int) properties.socketBufferSize().toBytes();
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(buffer);
		container.setMaxBinaryMessageBufferSize(buffer);
		return container;
	}
}
