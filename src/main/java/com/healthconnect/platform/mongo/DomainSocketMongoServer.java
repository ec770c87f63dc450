package com.healthconnect.platform.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;

/**
 * mongo-java-server's wire protocol on a Unix domain socket instead of a TCP port. The server has no authentication,
 * so on a port any local process could read every record and password hash; a socket file in a directory only the
 * app's user may enter admits that user alone. {@link de.bwaldvogel.mongo.MongoServer} binds TCP only, hence this
 * copy of its few lines of Netty set-up with the same handlers.
 */
final class DomainSocketMongoServer implements AutoCloseable {

	private final MongoBackend backend;
	private final Path socket;
	private final EventLoopGroup boss;
	private final EventLoopGroup workers;
	private final ChannelGroup clients;
	private final Channel listener;

	DomainSocketMongoServer(MongoBackend backend, Path socket, int workerThreads) {
		this.backend = backend;
		this.socket = socket;
		try {
			// left behind by a process that was killed
			Files.deleteIfExists(socket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove the old socket " + socket, ex);
		}
		this.boss = new MultiThreadIoEventLoopGroup(1, new MongoThreadFactory("mongo-server-boss"),
				NioIoHandler.newFactory());
		this.workers = new MultiThreadIoEventLoopGroup(workerThreads, new MongoThreadFactory("mongo-server-worker"),
				NioIoHandler.newFactory());
		this.clients = new DefaultChannelGroup("mongodb-channels", workers.next());
		try {
			this.listener = new ServerBootstrap().group(boss, workers)
				.channel(NioServerDomainSocketChannel.class)
				.localAddress(UnixDomainSocketAddress.of(socket))
				.childHandler(new ChannelInitializer<>() {
					@Override
					protected void initChannel(Channel channel) {
						channel.pipeline()
							.addLast(new MongoWireReplyEncoder())
							.addLast(new MongoWireMessageEncoder())
							.addLast(new MongoWireProtocolHandler())
							.addLast(new MongoDatabaseHandler(backend, clients))
							.addLast(new MongoExceptionHandler());
					}
				})
				.bind()
				.syncUninterruptibly()
				.channel();
		}
		catch (RuntimeException ex) {
			shutdownGroups();
			throw new IllegalStateException("Cannot listen on " + socket + ": " + ex.getMessage(), ex);
		}
	}

	Path socket() {
		return socket;
	}

	@Override
	public void close() {
		listener.close().syncUninterruptibly();
		clients.close().syncUninterruptibly();
		shutdownGroups();
		backend.close();
		try {
			Files.deleteIfExists(socket);
		}
		catch (IOException ex) {
			// removed again before the next bind
		}
	}

	private void shutdownGroups() {
		boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
		workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
	}
}
