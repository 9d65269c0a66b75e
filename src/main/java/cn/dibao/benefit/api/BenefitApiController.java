package cn.dibao.benefit.api;

import cn.dibao.benefit.BenefitChange;
import cn.dibao.benefit.BenefitService;
import cn.dibao.benefit.BenefitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Benefits after approval for other systems: read one with its versions and 追回 balance, and the
 * county's decisions (增发 / 减发 / 停发 / 暂停 / 恢复, 渐退期). Each decision answers the benefit as it
 * is afterwards; a refused rule is a 422 problem naming the field, a reader who may not decide a 403.
 */
@RestController
@RequestMapping("/api/v1/benefits")
@Tag(name = "benefits", description = "待遇: versions, 增发/减发/停发/暂停/恢复 and 渐退期 (county reviewers)")
@PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER','AUDITOR')")
class BenefitApiController {

    private static final String DECIDE = "hasRole('REVIEWER')";

    private final BenefitService benefits;

    BenefitApiController(BenefitService benefits) {
        this.benefits = benefits;
    }

    record GradualExit(@NotNull(message = "{benefit.change.effective.required}")
                       @Schema(type = "string", example = "2026-07") YearMonth effective,
                       @NotNull(message = "{benefits.gradual.months.required}") Integer months,
                       @NotNull(message = "{benefit.gradual.ratio}") @Schema(example = "50") BigDecimal ratioPct,
                       @NotBlank(message = "{benefit.change.reason.required}") String reason) {
    }

    record Repayment(@NotNull(message = "{benefit.repayment.amount}") @Schema(example = "600.00") BigDecimal amount,
                     @NotNull(message = "{benefit.repayment.paidOn.required}") @Schema(example = "2026-11-20")
                     java.time.LocalDate paidOn,
                     @NotBlank(message = "{benefit.repayment.note}") String note) {
    }

    record Payee(@NotNull(message = "{benefit.payee.notMember}") @Schema(example = "1024") Long personId,
                 @NotBlank(message = "{benefit.change.reason.required}") String reason) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "A benefit with its versions (oldest first), the version in force now and what is owed back")
    BenefitView get(@PathVariable long id) {
        return benefits.get(id);
    }

    @PostMapping("/{id}/changes")
    @PreAuthorize(DECIDE)
    @Operation(summary = "A county decision as a new version from `effective`: INCREASE or DECREASE (new components"
            + " gap/topup/basic/care), STOP, SUSPEND or RESUME",
            description = "reasonCode DEATH needs a STOP and `deathDate`; it takes effect from the month after the death"
                    + " whatever `effective` says. What it means for months already paid (补发, 追回) is worked out by"
                    + " the next payout run.")
    BenefitView change(@PathVariable long id, @RequestBody BenefitChange body) {
        return benefits.change(id, body);
    }

    @PutMapping("/{id}/payee")
    @PreAuthorize(DECIDE)
    @Operation(summary = "Another current member of the household as the payee of its 低保, with a reason",
            description = "单人保 and 特困 are paid to the person they cover (422 on `personId`). Audited.")
    BenefitView payee(@PathVariable long id, @Valid @RequestBody Payee body) {
        return benefits.changePayee(id, body.personId(), body.reason());
    }

    @PostMapping("/{id}/repayments")
    @PreAuthorize(DECIDE)
    @Operation(summary = "追缴 paid back outside the payout runs, against what the benefit still owes",
            description = "At most the outstanding amount; later runs deduct only what is left.")
    BenefitView repayment(@PathVariable long id, @Valid @RequestBody Repayment body) {
        return benefits.recordRepayment(id, body.amount(), body.paidOn(), body.note());
    }

    @PostMapping("/{id}/gradual-exit")
    @PreAuthorize(DECIDE)
    @Operation(summary = "渐退期: `months` months from `effective` at `ratioPct`% of the current amount, then stop",
            description = "months is at most the local standard's grace months.")
    BenefitView gradualExit(@PathVariable long id, @Valid @RequestBody GradualExit body) {
        return benefits.gradualExit(id, body.effective(), body.months(), body.ratioPct(), body.reason());
    }
}
