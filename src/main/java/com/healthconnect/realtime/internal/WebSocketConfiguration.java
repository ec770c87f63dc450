package com.healthconnect.realtime.internal;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import com.healthconnect.realtime.UserDestinations;

/**
 * STOMP 1.2 over plain WebSocket at {@code /ws}. Clients send to {@code /app/...} and receive on
 * {@code /user/queue/...}, which is made a subscription to the user's own broker destination (see
 * {@link UserDestinations}). The broker is Spring's simple broker (one instance) or, with
 * {@code healthconnect.realtime.broker=relay}, Spring's STOMP broker relay to RabbitMQ or Artemis, through which any
 * number of instances reach each other's sessions. Order is preserved per session both ways, since signaling (offer
 * before candidates) depends on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	private final RealtimeProperties properties;
	private final AllowedOrigins origins;
	private final HandshakeGuard handshakeGuard;
	private final StompGatekeeper gatekeeper;
	private final OpenSockets sockets;
	private final SessionDirectory directory;
	private TaskScheduler brokerScheduler;

	WebSocketConfiguration(RealtimeProperties properties, AllowedOrigins origins, HandshakeGuard handshakeGuard,
			StompGatekeeper gatekeeper, OpenSockets sockets, SessionDirectory directory) {
		this.properties = properties;
		this.origins = origins;
		this.handshakeGuard = handshakeGuard;
		this.gatekeeper = gatekeeper;
		this.sockets = sockets;
		this.directory = directory;
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
			.addInterceptors(handshakeGuard)
			.setHandshakeHandler(new DefaultHandshakeHandler(properties.compression()
					? new StandardWebSocketUpgradeStrategy() : new UncompressedUpgrade()));
		registry.setErrorHandler(new FrameErrors());
		registry.setPreserveReceiveOrder(true);
	}

	/** Swaps the simple broker's subscription registry for one that finds each user's destinations in O(1). */
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
		if (properties.broker() == RealtimeProperties.Broker.RELAY) {
			RealtimeProperties.Relay relay = properties.relay();
			var broker = registry.enableStompBrokerRelay(UserDestinations.BROKER_PREFIX)
				.setRelayHost(relay.host())
				.setRelayPort(relay.port())
				.setClientLogin(relay.login())
				.setClientPasscode(relay.passcode())
				.setSystemLogin(relay.login())
				.setSystemPasscode(relay.passcode())
				.setSystemHeartbeatSendInterval(heartbeat)
				.setSystemHeartbeatReceiveInterval(heartbeat)
				.setTaskScheduler(brokerScheduler);
			if (relay.virtualHost() != null && !relay.virtualHost().isBlank()) {
				broker.setVirtualHost(relay.virtualHost());
			}
		}
		else {
			registry.enableSimpleBroker(UserDestinations.BROKER_PREFIX)
				.setHeartbeatValue(new long[] { heartbeat, heartbeat })
				.setTaskScheduler(brokerScheduler);
		}
		// the user registry must have counted a session before presence listeners ask it
		registry.setUserRegistryOrder(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new SignedInUserArgument());
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit((int) properties.maxFrameSize().toBytes())
			.setSendTimeLimit((int) properties.sendTimeLimit().toMillis())
			.setSendBufferSizeLimit((int) properties.sendBufferSize().toBytes())
			.addDecoratorFactory(handler -> new GuardedSocketHandler(handler, sockets, directory));
	}

	/**
	 * Frames from clients are handled on the inbound channel's executor, one frame of a session at a time and in the
	 * order sent ({@code setPreserveReceiveOrder}: signaling depends on an offer arriving before its candidates), so a
	 * handler may block on MongoDB (storing a chat message) without holding up the socket threads. Virtual threads on
	 * Java 21 and later, a bounded pool before.
	 */
	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(gatekeeper);
		registration.executor(inboundExecutor());
	}

	/**
	 * Frames to clients are written by the thread that publishes them (or, with the relay, the thread that read them
	 * from the broker), not handed to an outbound pool: the hand-off cost a thread wake-up per relayed frame, and a
	 * pool re-orders what one thread publishes unless every session gets an ordering queue. A slow client still cannot
	 * stall others: Spring's {@code ConcurrentWebSocketSessionDecorator} buffers what arrives while another thread
	 * writes, and closes the session past {@code send-time-limit} or {@code send-buffer-size}. {@link SessionFilter}
	 * drops pushes meant for another session of the same user.
	 */
	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.interceptors(new SessionFilter());
		registration.executor(new SyncTaskExecutor());
	}

	private TaskExecutor inboundExecutor() {
		RealtimeProperties.Blocking threads = properties.blocking();
		if (threads.virtualThreads() && Runtime.version().feature() >= 21) {
			SimpleAsyncTaskExecutor virtual = new SimpleAsyncTaskExecutor("stomp-in-");
			virtual.setVirtualThreads(true);
			virtual.setConcurrencyLimit(threads.maxInFlight());
			return virtual;
		}
		ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
		pool.setThreadNamePrefix("stomp-in-");
		pool.setCorePoolSize(threads.threads());
		pool.setMaxPoolSize(threads.threads());
		pool.setQueueCapacity(threads.maxInFlight());
		pool.setAllowCoreThreadTimeOut(true);
		pool.initialize();
		return pool;
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
