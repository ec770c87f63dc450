package com.healthconnect.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.healthconnect.support.Browsers;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The floor under "Answer → first remote frame" on this machine: the same two Chromium contexts with fake devices as
 * the call browser tests, the same steps as the app's answering side (the caller's offer and candidates applied while
 * it rings; on Answer the camera, the answer sent, then set locally), but no app — a few lines of page script and a
 * loopback signalling hop (server-sent events down, one POST per message up). Whatever this takes is not the app's.
 */
final class CallFloorScenario {

	/** One page script for both sides; {@code ?me=…&peer=…} names its inbox and the other side's. */
	static final String PAGE = """
			<!doctype html><meta charset="utf-8"><title>call floor</title>
			<video id="remote" autoplay playsinline muted></video>
			<script>
			const q = new URLSearchParams(location.search);
			const me = q.get('me'), peer = q.get('peer');
			window.__t = {};
			let pc, sending = Promise.resolve(), handling = Promise.resolve();
			const send = (m) => { sending = sending.then(() => fetch('/signal?to=' + peer, { method: 'POST', body: JSON.stringify(m) })); };
			function makePc() {
			  pc = new RTCPeerConnection({ iceServers: [] });
			  pc.onicecandidate = (e) => { if (e.candidate) send({ candidate: e.candidate.toJSON() }); };
			  pc.oniceconnectionstatechange = () => {
			    if (pc.iceConnectionState === 'connected' && !window.__t.iceConnected) window.__t.iceConnected = Date.now();
			  };
			  pc.ontrack = (e) => {
			    const v = document.getElementById('remote');
			    if (v.srcObject) return;
			    v.srcObject = e.streams[0];
			    v.requestVideoFrameCallback(() => { window.__t.firstFrame = Date.now(); });
			  };
			}
			const es = new EventSource('/events?me=' + me);
			es.onopen = () => { window.__ready = true; };
			es.onmessage = (ev) => {
			  const m = JSON.parse(ev.data);
			  handling = handling.then(async () => {
			    if (m.offer) { makePc(); await pc.setRemoteDescription(m.offer); window.__t.ringing = Date.now(); }
			    else if (m.answer) { window.__t.answerReceived = Date.now(); await pc.setRemoteDescription(m.answer); window.__t.answerApplied = Date.now(); }
			    else if (m.candidate) { await pc.addIceCandidate(m.candidate); window.__t.candidates = (window.__t.candidates || 0) + 1; }
			  });
			};
			const camera = () => navigator.mediaDevices.getUserMedia({ video: true, audio: true });
			window.call = async () => {
			  makePc();
			  const s = await camera();
			  s.getTracks().forEach((t) => pc.addTrack(t, s));
			  const offer = await pc.createOffer();
			  await pc.setLocalDescription(offer);
			  send({ offer: pc.localDescription.toJSON() });
			};
			window.answer = async () => {
			  window.__t.answerClick = Date.now();
			  const s = await camera();
			  s.getTracks().forEach((t) => pc.addTrack(t, s));
			  const answer = await pc.createAnswer();
			  send({ answer: { type: answer.type, sdp: answer.sdp } });
			  window.__t.answerSent = Date.now();
			  await pc.setLocalDescription(answer);
			};
			</script>
			""";

	private final Results results;
	private final Map<String, BlockingQueue<String>> inboxes = new ConcurrentHashMap<>();

	CallFloorScenario(Results results) {
		this.results = results;
	}

	void run(int calls) throws Exception {
		ExecutorService threads = Executors.newCachedThreadPool();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(threads);
		server.createContext("/events", this::events);
		server.createContext("/signal", this::signal);
		server.createContext("/", this::page);
		server.start();
		String base = "http://localhost:" + server.getAddress().getPort() + "/";
		Map<String, List<Long>> steps = new LinkedHashMap<>();
		try (Browsers browsers = Browsers.launch()) {
			// the first call in a fresh browser (as in the browser tests, which launch one per class) apart from the rest
			for (int i = 0; i <= calls; i++) {
				Map<String, Long> t = call(browsers, base, i);
				if (i == 0) {
					t.forEach((k, v) -> results.figure("callfloor.first_call." + k + "_ms", v));
					continue;
				}
				t.forEach((k, v) -> steps.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
				results.note("callfloor call " + i + ": " + t);
			}
		}
		finally {
			server.stop(0);
			threads.shutdownNow();
		}
		results.figure("callfloor.calls", calls);
		steps.forEach((step, values) -> results.spread("callfloor." + step, values));
	}

	/** One call; each step's time after Answer, in ms. */
	private Map<String, Long> call(Browsers browsers, String base, int i) {
		String caller = "caller-" + i;
		String callee = "callee-" + i;
		try (BrowserContext callerContext = browsers.browser().newContext();
				BrowserContext calleeContext = browsers.browser().newContext()) {
			Page callerPage = callerContext.newPage();
			Page calleePage = calleeContext.newPage();
			callerPage.navigate(base + "?me=" + caller + "&peer=" + callee);
			calleePage.navigate(base + "?me=" + callee + "&peer=" + caller);
			for (Page page : List.of(callerPage, calleePage)) {
				page.waitForFunction("() => window.__ready === true");
			}
			callerPage.evaluate("() => window.call()");
			calleePage.waitForFunction("() => window.__t.ringing && window.__t.candidates > 0");
			// it rings for a second, as a person reads the dialog; the caller's candidates arrive meanwhile
			calleePage.waitForTimeout(1000);
			calleePage.evaluate("() => { window.answer(); }");
			Page.WaitForFunctionOptions wait = new Page.WaitForFunctionOptions().setTimeout(30_000)
				.setPollingInterval(50);
			calleePage.waitForFunction("() => window.__t.firstFrame", null, wait);
			callerPage.waitForFunction("() => window.__t.firstFrame", null, wait);
			Map<String, Number> calleeT = times(calleePage);
			Map<String, Number> callerT = times(callerPage);
			long click = calleeT.get("answerClick").longValue();
			Map<String, Long> t = new LinkedHashMap<>();
			t.put("answer_sent", calleeT.get("answerSent").longValue() - click);
			t.put("caller_answer_received", callerT.get("answerReceived").longValue() - click);
			t.put("caller_answer_applied", callerT.get("answerApplied").longValue() - click);
			t.put("callee_ice_connected", calleeT.get("iceConnected").longValue() - click);
			t.put("callee_first_frame", calleeT.get("firstFrame").longValue() - click);
			t.put("caller_first_frame", callerT.get("firstFrame").longValue() - click);
			t.put("answer_to_first_remote_frame",
					Math.max(calleeT.get("firstFrame").longValue(), callerT.get("firstFrame").longValue()) - click);
			return t;
		}
		finally {
			inboxes.remove(caller);
			inboxes.remove(callee);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Number> times(Page page) {
		return (Map<String, Number>) page.evaluate("() => window.__t");
	}

	private BlockingQueue<String> inbox(String name) {
		return inboxes.computeIfAbsent(name, n -> new LinkedBlockingQueue<>());
	}

	private void page(HttpExchange exchange) throws IOException {
		byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void signal(HttpExchange exchange) throws IOException {
		String to = exchange.getRequestURI().getQuery().substring("to=".length());
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		inbox(to).add(body);
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	/** Server-sent events: each message of this inbox as one {@code data:} line, flushed at once. */
	private void events(HttpExchange exchange) throws IOException {
		String me = exchange.getRequestURI().getQuery().substring("me=".length());
		BlockingQueue<String> inbox = inbox(me);
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(": open\n\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
			while (inboxes.get(me) == inbox) {
				String message = inbox.poll(1, TimeUnit.SECONDS);
				if (message != null) {
					out.write(("data: " + message + "\n\n").getBytes(StandardCharsets.UTF_8));
					out.flush();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException closed) {
			// the page went away
		}
	}
}
