package cn.dibao.payout.api;

import cn.dibao.payout.GrantForm;
import cn.dibao.payout.PayoutGrant;
import cn.dibao.payout.PayoutRunService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * One-off grants (一次性生活补贴, e.g. 春节) planned for a month's run, as on the 发放 page: the same
 * form, service and rules; a county reviewer plans them, before the month's run is generated.
 */
@RestController
@RequestMapping("/api/v1/payout-grants")
@Tag(name = "payout-runs")
class PayoutGrantApiController {

    private final PayoutRunService runs;

    PayoutGrantApiController(PayoutRunService runs) {
        this.runs = runs;
    }

    @GetMapping
    @Operation(summary = "A county's planned one-off grants, newest month first (empty outside the caller's scope)")
    List<PayoutGrant> list(@RequestParam @Pattern(regexp = "[0-9]{6}000000", message = "{payout.county.unknown}")
                           String countyCode) {
        return runs.grants(countyCode);
    }

    @PostMapping
    @PreAuthorize("hasRole('REVIEWER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a one-off grant for a county and month whose run is not generated yet (county reviewer)",
            description = "STANDARD_MONTHS pays factor × the 低保标准 in force × the benefit's persons, FIXED_PER_PERSON "
                    + "factor yuan per person, to the benefits of the listed programmes; one grant per county and "
                    + "month. It is paid by that month's run.")
    PayoutGrant create(@Valid @RequestBody GrantForm body) {
        return runs.createGrant(body.countyCode(), body.month(), body.name(), body.programmes(), body.basis(),
                body.factor());
    }
}
