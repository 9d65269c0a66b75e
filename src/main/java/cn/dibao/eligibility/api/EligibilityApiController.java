package cn.dibao.eligibility.api;

import cn.dibao.eligibility.CheckReport;
import cn.dibao.eligibility.EligibilityCheckService;
import cn.dibao.eligibility.PreviewRequest;
import cn.dibao.engine.EligibilityEngine.CareSetting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.YearMonth;

@RestController
@RequestMapping("/api/v1/eligibility-checks")
@Tag(name = "eligibility", description = "Explainable eligibility checks for 特困, 低保, 单人保, 低保边缘, 刚性支出, 临时救助")
class EligibilityApiController {

    private final EligibilityCheckService checks;

    EligibilityApiController(EligibilityCheckService checks) {
        this.checks = checks;
    }

    record RunRequest(@NotNull(message = "{eligibility.household.required}") Long householdId,
                      @NotNull(message = "{eligibility.month.required}") YearMonth month, CareSetting careSetting) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER')")
    @Operation(summary = "Run and store a check of a registered household for a month (standard in force then)",
            description = "422 on `month` when that month's standard takes effect after this month: see "
                    + "household-preview (ADR 0023).")
    ResponseEntity<CheckReport> run(@Valid @RequestBody RunRequest body) {
        CheckReport report = checks.run(body.householdId(), body.month(), body.careSetting());
        return ResponseEntity.created(URI.create("/api/v1/eligibility-checks/" + report.checkId())).body(report);
    }

    @PostMapping("/household-preview")
    @PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER')")
    @Operation(summary = "Evaluate a registered household for a month as a check would, without storing it",
            description = "For a month whose standard is not in force yet (a check of it is refused with 422 on "
                    + "`month`: the administrator may still change that standard, ADR 0023), or any month. "
                    + "`checkId` is null; nothing is stored and no standard is locked.")
    CheckReport householdPreview(@Valid @RequestBody RunRequest body) {
        return checks.previewOf(body.householdId(), body.month(), body.careSetting());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER','AUDITOR')")
    @Operation(summary = "A stored check, as it was run")
    CheckReport get(@PathVariable long id) {
        return checks.get(id);
    }

    @PostMapping("/preview")
    @Operation(summary = "Evaluate a household described in the request; nothing is saved")
    CheckReport preview(@Valid @RequestBody PreviewRequest body) {
        return checks.preview(body);
    }
}
