package dev.paxoshub.security;

import java.time.Duration;

import dev.paxoshub.node.PaxoshubProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices.RememberMeTokenAlgorithm;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Three chains: node-to-node calls, the JSON API, and the pages. Nothing is kept in a node's
 * HTTP session: a person stays signed in through a signed cookie that any node can check against
 * its own copy of the account, and CSRF tokens travel in a cookie, so the front door may send each
 * request to a different node.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	static final String SIGN_IN_COOKIE = "paxoshub-signin";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	TokenBasedRememberMeServices signInCookie(PaxoshubProperties properties, UserDetailsService users) {
		TokenBasedRememberMeServices cookie = new TokenBasedRememberMeServices(properties.cluster().secret(), users,
				RememberMeTokenAlgorithm.SHA256);
		cookie.setCookieName(SIGN_IN_COOKIE);
		cookie.setAlwaysRemember(true);
		cookie.setTokenValiditySeconds((int) Duration.ofDays(14).toSeconds());
		return cookie;
	}

	@Bean
	@Order(1)
	SecurityFilterChain internalChain(HttpSecurity http, PaxoshubProperties properties) throws Exception {
		return http.securityMatcher("/internal/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new ClusterSecretFilter(properties.cluster().secret(), properties.node()),
					BasicAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http, PaxoshubProperties properties) throws Exception {
		String node = properties.node();
		return http.securityMatcher("/api/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"paxoshub\"");
				ProblemWriter.write(response, HttpStatus.UNAUTHORIZED,
						"Sign in with HTTP Basic (your paxoshub username and password) to do this.", node);
			}))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((request, response,
					ex) -> ProblemWriter.write(response, HttpStatus.FORBIDDEN, "You are not allowed to do this.", node)))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/accounts")
				.permitAll()
				// The consensus switch is a demo control, open like the chaos controls.
				.requestMatchers(HttpMethod.PUT, "/api/cluster/consensus")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http, TokenBasedRememberMeServices signInCookie) throws Exception {
		// Load the CSRF token on every request so its cookie is set before a page starts streaming.
		XorCsrfTokenRequestAttributeHandler csrfHandler = new XorCsrfTokenRequestAttributeHandler();
		csrfHandler.setCsrfRequestAttributeName(null);
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/settings/**", "/new")
				.authenticated()
				.anyRequest()
				.permitAll())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler((request, response, authentication) -> response
					.sendRedirect(request.getContextPath() + "/" + authentication.getName()))
				.permitAll())
			.rememberMe((remember) -> remember.rememberMeServices(signInCookie))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies(SIGN_IN_COOKIE))
			// Every request signs in again from the cookie; renewing the CSRF token each time would
			// invalidate the token of a form whose page then loaded a stylesheet or an avatar.
			.csrf((csrf) -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.csrfTokenRequestHandler(csrfHandler)
				.sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.build();
	}

}
