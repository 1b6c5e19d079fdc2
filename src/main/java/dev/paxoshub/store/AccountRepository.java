package dev.paxoshub.store;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, String> {

	List<Account> findByUsernameKeyOrderByCreatedAtAsc(String usernameKey);

	List<Account> findTop20ByOrderByCreatedAtDesc();

}
