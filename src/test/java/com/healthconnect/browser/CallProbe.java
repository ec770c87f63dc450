package com.healthconnect.browser;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Timings of a call as the page sees them, recorded in the page (an init script, so it survives a reload): when Answer
 * was clicked, when each new remote stream showed its first frame, and whether the screen said "Reconnecting…" while
 * the remote picture stayed on (frozen, not closed).
 */
final class CallProbe {

	static final String SCRIPT = """
			(() => {
			  window.__firstFrames = [];
			  window.__reconnectingWithPicture = false;
			  window.__reconnectingWithoutPicture = false;
			  document.addEventListener('click', (e) => {
			    const b = e.target instanceof Element ? e.target.closest('button') : null;
			    if (b && b.textContent.trim() === 'Answer') window.__answerAt = Date.now();
			  }, true);
			  // the first frame of each new stream the remote video is given, caught where the page sets it (no polling,
			  // which would take the renderer's time from the call being measured)
			  const seen = new WeakSet();
			  const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
			  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
			    configurable: true,
			    enumerable: srcObject.enumerable,
			    get() { return srcObject.get.call(this); },
			    set(stream) {
			      srcObject.set.call(this, stream);
			      if (!stream || seen.has(stream) || this.getAttribute('aria-label') !== 'Remote video') return;
			      seen.add(stream);
			      const v = this;
			      v.requestVideoFrameCallback(() => { if (v.srcObject === stream) window.__firstFrames.push(Date.now()); });
			    },
			  });
			  setInterval(() => {
			    const reconnecting = [...document.querySelectorAll('[role=status]')]
			      .some((s) => s.textContent.includes('Reconnecting'));
			    if (reconnecting) {
			      const v = document.querySelector('video[aria-label="Remote video"]');
			      if (v && v.srcObject && v.videoWidth > 0) window.__reconnectingWithPicture = true;
			      else window.__reconnectingWithoutPicture = true;
			    }
			  }, 50);
			})();
			""";

	private CallProbe() {
	}

	/**
	 * The patient calls from their appointments page, the doctor answers on the dashboard, and both play the other's
	 * video; returns when Answer was clicked (the doctor's page clock).
	 */
	static long patientCallsDoctorAnswers(Page doctorPage, Page patientPage, String doctorName) {
		Ui.button(Ui.appointment(patientPage, doctorName), "Start video call").click();
		Locator incoming = doctorPage.getByRole(AriaRole.DIALOG,
				new Page.GetByRoleOptions().setName("Incoming video call"));
		PlaywrightAssertions.assertThat(incoming).isVisible(Ui.LONG);
		Ui.button(incoming, "Answer").click();
		awaitRemotePlaying(doctorPage);
		awaitRemotePlaying(patientPage);
		return answerAt(doctorPage);
	}

	/** Milliseconds from {@code since} to the later of the two pages' first remote frame after it. */
	static long toFirstFrames(Page doctorPage, Page patientPage, long since) {
		return Math.max(firstFrameAfter(doctorPage, since), firstFrameAfter(patientPage, since)) - since;
	}

	static long answerAt(Page page) {
		return ((Number) page.evaluate("() => window.__answerAt")).longValue();
	}

	/** When each remote stream this page showed drew its first frame, in order. */
	@SuppressWarnings("unchecked")
	static List<Number> firstFrames(Page page) {
		return (List<Number>) page.evaluate("() => window.__firstFrames");
	}

	/** The first frame of the first remote stream shown after {@code since}, or -1. */
	static long firstFrameAfter(Page page, long since) {
		return firstFrames(page).stream().mapToLong(Number::longValue).filter(t -> t >= since).min().orElse(-1);
	}

	static boolean sawReconnectingWithPicture(Page page) {
		return Boolean.TRUE.equals(page.evaluate("() => window.__reconnectingWithPicture"));
	}

	/**
	 * Waits until the remote video is playing: it has a size and its clock moved on since the first poll that saw the
	 * stream it shows now (a renewed connection brings a new stream, whose clock starts again).
	 */
	static void awaitRemotePlaying(Page page) {
		page.waitForFunction("""
				() => {
				  const v = document.querySelector('video[aria-label="Remote video"]');
				  if (!v || !v.srcObject || !(v.videoWidth > 0 && v.readyState >= 2)) return false;
				  if (v.__probeStream !== v.srcObject) { v.__probeStream = v.srcObject; v.__probeSince = v.currentTime; }
				  return v.currentTime > v.__probeSince;
				}
				""", null, new Page.WaitForFunctionOptions().setTimeout(45_000).setPollingInterval(100));
	}
}
