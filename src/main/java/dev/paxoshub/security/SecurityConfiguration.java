package dev.paxoshub.security;

import java.time.Clock;

import dev.paxoshub.node.Links;
import dev.paxoshub.node.NodeKeys;
import dev.paxoshub.node.NodeSignature;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.node.SiteCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Four chains: static assets, node-to-node calls, the JSON API, and the pages. Nothing is
 * kept in a node's HTTP session: a person stays signed in through a signed cookie that
 * any node can check against its own copy of the account, and CSRF tokens travel in a
 * cookie, so the front door may send each request to a different node. Operator actions
 * need the operator role on both the API and the pages; every sign-in attempt, form or
 * HTTP Basic, passes the throttle.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/**
	 * No inline script or style anywhere; node colours come from a stylesheet the node
	 * serves.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "browsing-topics=()";

	/**
	 * The request attribute that carries a throttled sign-in's message to the login page.
	 */
	public static final String THROTTLED_MESSAGE = SecurityConfiguration.class.getName() + ".throttled";

	/** Renders the login page for a throttled sign-in; it must accept the form's POST. */
	public static final String THROTTLED_LOGIN_PAGE = "/login/throttled";

	/** Where a person lands after a sign-out that could not reach the other nodes. */
	static final String SIGNED_OUT_HERE_ONLY_URL = "/login?logout=here-only";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BcryptPasswords();
	}

	@Bean
	SignInThrottle signInThrottle(PaxoshubProperties properties) {
		return new SignInThrottle(properties);
	}

	@Bean
	SignInCookie signInCookie(NodeKeys keys, UserDetailsService users, Clock clock, PaxoshubProperties properties) {
		return new SignInCookie(keys.signIn(), users, clock, properties.secureCookies(),
				properties.cluster().cookie(SiteCookies.SIGN_IN));
	}

	/** Passwords pass the throttle; a valid sign-in cookie needs no password. */
	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords,
			SignInThrottle throttle, SignInCookie signInCookie) {
		DaoAuthenticationProvider checkPassword = new DaoAuthenticationProvider(users);
		checkPassword.setPasswordEncoder(passwords);
		return new ProviderManager(new ThrottledSignIn(checkPassword, throttle),
				new RememberMeAuthenticationProvider(signInCookie.getKey()));
	}

	/**
	 * Stylesheets, scripts, images and avatars: public, cacheable, and never carrying a
	 * cookie, so that no shared cache can hand one person's CSRF token to another.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain assetChain(HttpSecurity http) throws Exception {
		return http.securityMatcher("/assets/**", "/avatars/**")
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(securityHeaders())
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain internalChain(HttpSecurity http, NodeSignature signature, Links links,
			PaxoshubProperties properties) throws Exception {
		return http.securityMatcher("/internal/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new NodeSignatureFilter(signature, links, properties.node()),
					BasicAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http, PaxoshubProperties properties, AuthenticationManager authentication)
			throws Exception {
		String node = properties.node();
		return http.securityMatcher("/api/**")
			.authenticationManager(authentication)
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(securityHeaders())
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
				if (ex instanceof SignInThrottledException throttled) {
					response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
					ProblemWriter.write(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage(), node);
					return;
				}
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"paxoshub\"");
				ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, unauthorized(request), node);
			}))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((request, response, ex) -> ProblemWriter
				.write(response, HttpStatus.FORBIDDEN, forbidden(request), node)))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.PUT, "/api/cluster/consensus")
				.hasRole(Operator.ROLE)
				.requestMatchers(HttpMethod.POST, "/api/node/chaos/**")
				.hasRole(Operator.ROLE)
				.requestMatchers(HttpMethod.POST, "/api/accounts")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageChain(HttpSecurity http, SignInCookie signInCookie, AuthenticationManager authentication,
			ObjectProvider<LogoutHandler> signOuts, PaxoshubProperties properties) throws Exception {
		// Load the CSRF token on every request so its cookie is set before a page starts
		// streaming.
		XorCsrfTokenRequestAttributeHandler csrfHandler = new XorCsrfTokenRequestAttributeHandler();
		csrfHandler.setCsrfRequestAttributeName(null);
		CookieCsrfTokenRepository csrfCookie = new CookieCsrfTokenRepository();
		csrfCookie.setCookieName(properties.cluster().cookie(SiteCookies.CSRF));
		csrfCookie.setCookieCustomizer((cookie) -> cookie.sameSite("Lax").secure(properties.secureCookies()));
		return http.authenticationManager(authentication)
			.headers(securityHeaders())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/cluster/consensus")
				.hasRole(Operator.ROLE)
				.requestMatchers("/settings/**", "/new")
				.authenticated()
				.anyRequest()
				.permitAll())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler((request, response, signedIn) -> response
					.sendRedirect(signedIn.getPrincipal() instanceof SignedInUser user && user.isOperator() ? "/cluster"
							: "/" + signedIn.getName()))
				.failureHandler(signInFailed())
				.permitAll())
			.rememberMe((remember) -> remember.rememberMeServices(signInCookie))
			.logout((logout) -> {
				signOuts.orderedStream().forEach(logout::addLogoutHandler);
				logout.logoutSuccessHandler((request, response, signedOut) -> response
					.sendRedirect(request.getAttribute(SignIn.SIGNED_OUT_HERE_ONLY) != null ? SIGNED_OUT_HERE_ONLY_URL
							: "/login?logout"));
			})
			// Every request signs in again from the cookie; renewing the CSRF token each
			// time would
			// invalidate the token of a form whose page then loaded a stylesheet or an
			// avatar.
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfCookie)
				.csrfTokenRequestHandler(csrfHandler)
				.sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.build();
	}

	private static Customizer<HeadersConfigurer<HttpSecurity>> securityHeaders() {
		return (headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY));
	}

	/**
	 * A wrong password goes back to the form; a throttled one is answered 429 with the
	 * form and the time to wait, rendered by {@link #THROTTLED_LOGIN_PAGE} (a forward, so
	 * no second request).
	 */
	private static AuthenticationFailureHandler signInFailed() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			if (ex instanceof SignInThrottledException throttled) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
				request.setAttribute(THROTTLED_MESSAGE, throttled.getMessage());
				request.getRequestDispatcher(THROTTLED_LOGIN_PAGE).forward(request, response);
				return;
			}
			response.sendRedirect("/login?error");
		};
	}

	private static String unauthorized(HttpServletRequest request) {
		String action = operatorAction(request);
		return (action != null)
				? "Only the operator can " + action + ". Sign in with HTTP Basic as the operator to do this."
				: "Sign in with HTTP Basic (your paxoshub username and password) to do this.";
	}

	private static String forbidden(HttpServletRequest request) {
		String who = (request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : "you";
		String action = operatorAction(request);
		return (action != null) ? "Only the operator can " + action + "; " + who + " is not the operator."
				: "You are not allowed to do this.";
	}

	/**
	 * What an operator-only API path does, for the refusal's sentence; null for any other
	 * path.
	 */
	private static String operatorAction(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.startsWith("/api/cluster/")) {
			return "switch consensus";
		}
		return path.startsWith("/api/node/chaos") ? "break nodes on purpose" : null;
	}

}
