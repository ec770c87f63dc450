package com.healthconnect.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description at {@code /v3/api-docs} (UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI healthConnectOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Health-Connect API")
				.description("Telemedicine: doctors, patients, appointments, messages, media and calls. "
						+ "Sign in sets the HTTP-only `token` cookie; mutating calls need the `X-XSRF-TOKEN` header "
						+ "from GET /api/auth/csrf.")
				.version("v1"))
			.components(new Components().addSecuritySchemes("session",
					new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("token")))
			.addSecurityItem(new SecurityRequirement().addList("session"));
	}
}
