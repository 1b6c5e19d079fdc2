package dev.paxoshub.home;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The newest fault-checker report of a mode, as the checker wrote it: a self-contained
 * page of its own, under a policy that lets it style itself and nothing else.
 */
@Controller
class CheckerReportController {

	static final String PATH = "/checker/{mode}/report";

	private final CheckerRuns runs;

	CheckerReportController(CheckerRuns runs) {
		this.runs = runs;
	}

	@GetMapping(PATH)
	ResponseEntity<Resource> report(@PathVariable String mode) {
		Path report = this.runs.newestReport(mode)
			.orElseThrow(() -> new NotOnTheHomeException("No fault-checker run with consensus " + mode
					+ " is on record yet. Run scripts/check.sh to make one."));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(new FileSystemResource(report));
	}

}
