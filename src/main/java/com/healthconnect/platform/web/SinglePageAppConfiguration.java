package com.healthconnect.platform.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the bundled web UI and lets its deep links ({@code /doctors/…}) reload: a GET for a path that is no file
 * and no API gets {@code index.html}, and the client-side router takes over.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageAppConfiguration implements WebMvcConfigurer {

	private static final String[] SERVER_PREFIXES = { "api/", "ws", "actuator/", "v3/", "swagger-ui" };

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Vite fingerprints everything under /assets, so those may be cached for good
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new SpaFallbackResolver());
	}

	static final class SpaFallbackResolver extends PathResourceResolver {

		private final Resource index = new ClassPathResource("/static/index.html");

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			Resource requested = location.createRelative(resourcePath);
			if (requested.exists() && requested.isReadable()) {
				return requested;
			}
			if (isServerPath(resourcePath) || lastSegment(resourcePath).contains(".") || !index.exists()) {
				return null;
			}
			return index;
		}

		private static boolean isServerPath(String path) {
			for (String prefix : SERVER_PREFIXES) {
				if (path.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}

		private static String lastSegment(String path) {
			return path.substring(path.lastIndexOf('/') + 1);
		}
	}
}
