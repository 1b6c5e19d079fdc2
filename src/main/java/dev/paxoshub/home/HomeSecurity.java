package dev.paxoshub.home;

import java.util.function.Supplier;

import dev.paxoshub.node.PaxoshubProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.util.function.SingletonSupplier;

/**
 * Watching is for everyone; breaking nodes and playing the story are for the operator.
 * The API takes the operator's HTTP Basic; the pages a sign-in form with an HTTP session
 * (the home is one process, so a session is no problem here) and CSRF tokens. The same
 * strict headers as the nodes' pages, except for the pages the story recorded, which only
 * the home may frame.
 */
@Configuration(proxyBeanMethods = false)
class HomeSecurity {

	static final String OPERATOR = "OPERATOR";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	/**
	 * A page a node served to an actor of the story, shown again in the story page's
	 * frame.
	 */
	static final String RECORDED_PAGE = "/story/plays/*/steps/*/*/page";

	/**
	 * The page is a node's, not the home's, so it gets nothing of the home: no script
	 * runs, no form is sent, and its origin is nobody's (sandbox). It may use the
	 * stylesheet, which the home serves at the same path as the sites, so that it still
	 * looks like the site; and only a page of the home may frame it.
	 */
	static final String RECORDED_PAGE_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; frame-ancestors 'self'";

	/**
	 * The checker's report is a page of its own, written by another program from what the
	 * network said: it may style itself, and nothing more.
	 */
	static final String CHECKER_REPORT_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; "
			+ "img-src data:; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/** Hashed when first needed, so the hash costs nothing at start. */
	@Bean
	UserDetailsService operator(PaxoshubProperties properties, PasswordEncoder passwords) {
		String name = properties.admin().username();
		Supplier<String> hash = SingletonSupplier.of(() -> passwords.encode(properties.admin().password()));
		return (username) -> {
			if (!name.equalsIgnoreCase(username) || properties.admin().password() == null) {
				throw new UsernameNotFoundException(username);
			}
			return User.withUsername(name).password(hash.get()).roles(OPERATOR).build();
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain homeApi(HttpSecurity http) throws Exception {
		return http.securityMatcher("/api/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.authenticationEntryPoint(HomeProblems.unauthorized()))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(HomeProblems.forbidden()))
			.headers(HomeSecurity::headers)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.anyRequest()
				.hasRole(OPERATOR))
			.build();
	}

	/** Open to all, as the story page is; framed by the home only. */
	@Bean
	@Order(2)
	SecurityFilterChain recordedPages(HttpSecurity http) throws Exception {
		return http.securityMatcher(RECORDED_PAGE)
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(RECORDED_PAGE_POLICY))
				.frameOptions((frames) -> frames.sameOrigin())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain checkerReports(HttpSecurity http) throws Exception {
		return http.securityMatcher("/checker/**")
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CHECKER_REPORT_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain homePages(HttpSecurity http) throws Exception {
		return http.headers(HomeSecurity::headers)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/clusters/**", "/story/**")
				.hasRole(OPERATOR)
				.anyRequest()
				.permitAll())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/"))
			.build();
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

}
