package com.healthconnect.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A lean RFC 6455 client on plain NIO: one selector thread reads for many sockets, and a send is written straight
 * from the sending thread (queued for the selector only when the socket's buffer is full). The JDK's
 * {@code java.net.http.WebSocket} cost the load client about 60–105 µs of CPU per relayed frame (futures, a
 * per-message demand hand-off, its own selector hand-off); on two cores shared with the app that was a third of the
 * machine. Text and close frames, continuation, ping/pong; client frames masked as the RFC requires.
 * <p>
 * Like Chromium, it can offer {@code permessage-deflate} (RFC 7692, {@code client_max_window_bits}, context takeover
 * both ways); when the server accepts, text messages are compressed going out and inflated coming in.
 */
final class RawWebSocket {

	interface Listener {

		void onOpen(RawWebSocket socket);

		/** On the selector thread; {@code nanos} is {@link System#nanoTime()} when the message was complete. */
		void onText(RawWebSocket socket, String text, long nanos);

		/** Once, when the socket ends for any reason; {@code error} is null after a close handshake. */
		void onClosed(RawWebSocket socket, int code, String reason, Throwable error);
	}

	private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
	private static final int OP_CONTINUATION = 0;
	private static final int OP_TEXT = 1;
	private static final int OP_CLOSE = 8;
	private static final int OP_PING = 9;
	private static final int RSV1 = 0x40;
	/** What Chromium sends in every WebSocket handshake. */
	static final String DEFLATE_OFFER = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n";
	private static final byte[] SYNC_TAIL = { 0, 0, (byte) 0xFF, (byte) 0xFF };

	/** One selector thread; sockets are spread over a few. */
	static final class Loop implements AutoCloseable {

		private final Selector selector;
		private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
		private final Thread thread;
		private volatile boolean running = true;

		Loop(String name) throws IOException {
			this.selector = Selector.open();
			this.thread = new Thread(this::run, name);
			thread.setDaemon(true);
			thread.start();
		}

		void execute(Runnable task) {
			tasks.add(task);
			selector.wakeup();
		}

		private void run() {
			while (running) {
				try {
					selector.select();
					Runnable task;
					while ((task = tasks.poll()) != null) {
						task.run();
					}
					Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
					while (keys.hasNext()) {
						SelectionKey key = keys.next();
						keys.remove();
						((RawWebSocket) key.attachment()).ready(key);
					}
				}
				catch (IOException | RuntimeException ex) {
					if (running) {
						ex.printStackTrace();
					}
				}
			}
		}

		@Override
		public void close() throws IOException {
			running = false;
			selector.wakeup();
			selector.close();
		}
	}

	private final Loop loop;
	private final Listener listener;
	private final SocketChannel channel;
	private final String handshake;
	private final String expectedAccept;
	private ByteBuffer in = ByteBuffer.allocate(4096);
	private final Queue<ByteBuffer> pending = new ArrayDeque<>(); // guarded by this
	private final StringBuilder fragments = new StringBuilder();
	private SelectionKey key;
	private boolean open;
	/** Set when the server accepted {@code permessage-deflate}; guarded by this for the deflater. */
	private Deflater deflater;
	private Inflater inflater;
	private boolean compressedMessage;
	private byte[] zbuffer = new byte[4096];
	private volatile boolean ended;
	final CompletableFuture<Void> closed = new CompletableFuture<>();

	private RawWebSocket(Loop loop, Listener listener, SocketChannel channel, String handshake, String accept) {
		this.loop = loop;
		this.listener = listener;
		this.channel = channel;
		this.handshake = handshake;
		this.expectedAccept = accept;
	}

	/** Connects and upgrades with the given extra header lines ({@code "Cookie: …\r\n"}); the listener hears the rest. */
	static RawWebSocket open(Loop loop, URI uri, String headers, Listener listener) throws IOException {
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		String key = Base64.getEncoder().encodeToString(nonce);
		String hostPort = uri.getHost() + ":" + uri.getPort();
		String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + hostPort
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key
				+ "\r\n" + headers + "\r\n";
		SocketChannel channel = SocketChannel.open();
		channel.configureBlocking(false);
		channel.socket().setTcpNoDelay(true);
		RawWebSocket socket = new RawWebSocket(loop, listener, channel, request, accept(key));
		loop.execute(() -> {
			try {
				socket.key = channel.register(loop.selector, SelectionKey.OP_CONNECT, socket);
				if (channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()))) {
					socket.connected();
				}
			}
			catch (IOException ex) {
				socket.fail(ex);
			}
		});
		return socket;
	}

	/** Sends one text message; written now if the socket takes it, else after what is queued before it. */
	void sendText(String text) {
		send(OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
	}

	/** Starts the close handshake; {@link #closed} completes when the server answers or the socket ends. */
	CompletableFuture<Void> close() {
		byte[] payload = { 0x03, (byte) 0xE8 }; // 1000, normal closure
		send(OP_CLOSE, payload);
		return closed;
	}

	void abort() {
		end(1006, "aborted", null);
	}

	private void send(int opcode, byte[] payload) {
		if (ended) {
			return;
		}
		if (opcode == OP_TEXT) {
			synchronized (this) {
				// compressing and writing under one lock: with context takeover the server inflates in this order
				Deflater d = deflater;
				write(d == null ? frame(opcode, payload) : frame(opcode | RSV1, deflate(d, payload)));
			}
			return;
		}
		write(frame(opcode, payload));
	}

	boolean deflating() {
		return deflater != null;
	}

	private byte[] deflate(Deflater d, byte[] payload) {
		d.setInput(payload);
		int length = 0;
		while (true) {
			int n = d.deflate(zbuffer, length, zbuffer.length - length, Deflater.SYNC_FLUSH);
			length += n;
			if (length < zbuffer.length) {
				break;
			}
			zbuffer = java.util.Arrays.copyOf(zbuffer, zbuffer.length * 2);
		}
		// RFC 7692: the 00 00 FF FF of the sync flush is left off
		return java.util.Arrays.copyOf(zbuffer, Math.max(0, length - 4));
	}

	private static ByteBuffer frame(int opcode, byte[] payload) {
		int length = payload.length;
		int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
		ByteBuffer frame = ByteBuffer.allocate(header + 4 + length);
		frame.put((byte) (0x80 | opcode));
		if (length < 126) {
			frame.put((byte) (0x80 | length));
		}
		else if (length < 65536) {
			frame.put((byte) (0x80 | 126)).putShort((short) length);
		}
		else {
			frame.put((byte) (0x80 | 127)).putLong(length);
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		frame.put(mask);
		for (int i = 0; i < length; i++) {
			frame.put((byte) (payload[i] ^ mask[i & 3]));
		}
		frame.flip();
		return frame;
	}

	private void write(ByteBuffer frame) {
		try {
			synchronized (this) {
				if (pending.isEmpty()) {
					channel.write(frame);
					if (!frame.hasRemaining()) {
						return;
					}
				}
				pending.add(frame);
			}
			loop.execute(this::wantWrite);
		}
		catch (IOException ex) {
			fail(ex);
		}
	}

	private void wantWrite() {
		if (key != null && key.isValid()) {
			key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
		}
	}

	private void ready(SelectionKey k) {
		try {
			if (k.isConnectable() && channel.finishConnect()) {
				connected();
			}
			if (k.isValid() && k.isWritable()) {
				flush();
			}
			if (k.isValid() && k.isReadable()) {
				read();
			}
		}
		catch (IOException | RuntimeException ex) {
			fail(ex);
		}
	}

	private void connected() throws IOException {
		key.interestOps(SelectionKey.OP_READ);
		synchronized (this) {
			ByteBuffer request = ByteBuffer.wrap(handshake.getBytes(StandardCharsets.ISO_8859_1));
			channel.write(request);
			if (request.hasRemaining()) {
				pending.add(request);
				wantWrite();
			}
		}
	}

	private void flush() throws IOException {
		synchronized (this) {
			while (!pending.isEmpty()) {
				ByteBuffer head = pending.peek();
				channel.write(head);
				if (head.hasRemaining()) {
					return;
				}
				pending.poll();
			}
		}
		key.interestOps(SelectionKey.OP_READ);
	}

	private void read() throws IOException {
		int n = channel.read(in);
		if (n < 0) {
			end(1006, "connection closed", ended ? null : new IOException("closed by the server without a close frame"));
			return;
		}
		long now = System.nanoTime();
		in.flip();
		if (!open && !upgrade()) {
			in.compact();
			return;
		}
		while (frame(now)) {
			// one complete frame handled per pass
		}
		in.compact();
		if (!in.hasRemaining()) {
			ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2); // a frame longer than the buffer
			in.flip();
			bigger.put(in);
			in = bigger;
		}
	}

	/** Reads the 101 response; false while it is incomplete. */
	private boolean upgrade() throws IOException {
		String head = StandardCharsets.ISO_8859_1.decode(in.duplicate()).toString();
		int end = head.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		if (!head.startsWith("HTTP/1.1 101") || !head.contains(expectedAccept)) {
			throw new IOException("handshake refused: " + head.lines().findFirst().orElse(""));
		}
		in.position(in.position() + end + 4);
		if (head.toLowerCase(java.util.Locale.ROOT).contains("sec-websocket-extensions: permessage-deflate")) {
			synchronized (this) {
				deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
			}
			inflater = new Inflater(true);
		}
		open = true;
		listener.onOpen(this);
		return true;
	}

	/** Handles one complete frame at the buffer's position; false if it is not all here yet. */
	private boolean frame(long now) {
		int start = in.position();
		if (in.remaining() < 2) {
			return false;
		}
		int b0 = in.get(start) & 0xFF;
		int b1 = in.get(start + 1) & 0xFF;
		int header = 2;
		long length = b1 & 0x7F;
		if (length == 126) {
			if (in.remaining() < 4) {
				return false;
			}
			length = in.getShort(start + 2) & 0xFFFF;
			header = 4;
		}
		else if (length == 127) {
			if (in.remaining() < 10) {
				return false;
			}
			length = in.getLong(start + 2);
			header = 10;
		}
		if (in.remaining() < header + length) {
			return false;
		}
		byte[] payload = new byte[(int) length];
		in.position(start + header);
		in.get(payload);
		boolean fin = (b0 & 0x80) != 0;
		int opcode = b0 & 0x0F;
		switch (opcode) {
			case OP_TEXT, OP_CONTINUATION -> {
				if (opcode == OP_TEXT) {
					compressedMessage = (b0 & RSV1) != 0;
				}
				String text = compressedMessage ? inflate(payload, fin) : new String(payload, StandardCharsets.UTF_8);
				if (!fin) {
					fragments.append(text);
				}
				else if (fragments.length() > 0) {
					listener.onText(this, fragments.append(text).toString(), now);
					fragments.setLength(0);
				}
				else {
					listener.onText(this, text, now);
				}
			}
			case OP_PING -> send(0xA, payload);
			case OP_CLOSE -> {
				int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
				String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
				end(code, reason, null);
				return false;
			}
			default -> {
				// pong and binary frames are not part of STOMP over WebSocket here
			}
		}
		return true;
	}

	/** Inflates one compressed frame; the sync tail the sender left off is added back after the last one. */
	private String inflate(byte[] payload, boolean fin) {
		inflater.setInput(fin ? concat(payload, SYNC_TAIL) : payload);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(payload.length * 3);
		byte[] chunk = new byte[4096];
		try {
			int n;
			while ((n = inflater.inflate(chunk)) > 0) {
				out.write(chunk, 0, n);
			}
		}
		catch (DataFormatException ex) {
			throw new IllegalStateException("bad permessage-deflate data", ex);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	private void fail(Throwable error) {
		end(1006, String.valueOf(error), error);
	}

	private void end(int code, String reason, Throwable error) {
		synchronized (this) {
			if (ended) {
				return;
			}
			ended = true;
		}
		try {
			channel.close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
		listener.onClosed(this, code, reason, error);
		closed.complete(null);
	}

	private static String accept(String key) {
		try {
			byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
			return Base64.getEncoder().encodeToString(sha1);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
