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
 * Watching is for everyone; breaking nodes is for the operator. The API takes the
 * operator's HTTP Basic; the pages a sign-in form with an HTTP session (the home is one
 * process, so a session is no problem here) and CSRF tokens. The same strict headers as
 * the nodes' pages.
 */
@Configuration(proxyBeanMethods = false)
class HomeSecurity {

	static final String OPERATOR = "OPERATOR";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

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

	@Bean
	@Order(2)
	SecurityFilterChain homePages(HttpSecurity http) throws Exception {
		return http.headers(HomeSecurity::headers)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/clusters/**")
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
