package com.healthconnect.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.healthconnect.support.IntegrationTest;

/**
 * How the web UI travels: compressed (HTML, JS, CSS, JSON), fingerprinted assets cached for good, and the page that
 * names them never cached, so a new release is picked up on the next visit.
 */
@IntegrationTest
class WebUiDeliveryIT {

	private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");
	private static final Pattern STYLE = Pattern.compile("href=\"(/assets/[^\"]+\\.css)\"");

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void indexHtmlIsCompressedAndNeverCachedAlsoOnADeepLink() throws Exception {
		for (String path : new String[] { "/", "/doctors/abc" }) {
			HttpResponse<byte[]> page = gzipGet(path);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
			assertThat(page.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-cache");
			assertThat(gunzip(page.body())).contains("<div id=\"root\">");
		}
	}

	@Test
	void fingerprintedScriptsAndStylesAreCompressedAndImmutable() throws Exception {
		String index = gunzip(gzipGet("/").body());
		for (Pattern asset : new Pattern[] { SCRIPT, STYLE }) {
			Matcher m = asset.matcher(index);
			assertThat(m.find()).as("index.html links a %s", asset).isTrue();
			HttpResponse<byte[]> file = gzipGet(m.group(1));
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Encoding")).as(m.group(1)).hasValue("gzip");
			assertThat(file.headers().firstValue("Cache-Control").orElse("")).contains("immutable", "max-age=31536000");
		}
	}

	@Test
	void theFirstLoadJavaScriptIsAtMost120KbCompressed() throws Exception {
		String index = gunzip(gzipGet("/").body());
		Matcher scripts = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+\\.js)\"").matcher(index);
		long total = 0;
		StringBuilder files = new StringBuilder();
		while (scripts.find()) {
			byte[] body = gzipGet(scripts.group(1)).body();
			total += body.length;
			files.append(scripts.group(1)).append(' ').append(body.length).append('\n');
		}
		Path out = Paths.get("target", "first-load-js.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, "first-load JS as served (gzip): " + total + " bytes\n" + files);
		assertThat(total).as("first-load JS, compressed").isPositive().isLessThanOrEqualTo(120 * 1024);
	}

	@Test
	void jsonAnswersAreCompressed() throws Exception {
		HttpResponse<byte[]> specializations = gzipGet("/v3/api-docs");
		assertThat(specializations.statusCode()).isEqualTo(200);
		assertThat(specializations.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(specializations.body())).startsWith("{");
	}

	private HttpResponse<byte[]> gzipGet(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Encoding", "gzip")
			.header("Accept", "text/html,application/json,*/*")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
