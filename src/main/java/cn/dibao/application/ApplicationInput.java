package cn.dibao.application;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/** What staff enter for each step, shared by the pages and the API (same validation, same messages). */
public final class ApplicationInput {

    private ApplicationInput() {
    }

    public record New(
            @NotNull(message = "{application.household.required}") Long householdId,
            @NotNull(message = "{application.applicant.required}") Long applicantPersonId,
            @NotNull(message = "{application.type.required}") AssistanceType assistanceType,
            @NotNull(message = "{application.channel.required}") Channel channel,
            @Size(max = 60, message = "{application.tooLong}") String proxyName,
            @Size(max = 60, message = "{application.tooLong}") String proxyRelation,
            @Size(max = 1000, message = "{application.tooLong}") String reason,
            @NotNull(message = "{application.receivedOn.required}") @PastOrPresent(message = "{application.date.future}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            Set<String> materials,
            Boolean promiseSigned,
            Boolean authorisationSigned,
            Boolean nearRelative,
            @Size(max = 500, message = "{application.tooLong}") String nearRelativeNote) {
    }

    public record Supplement(Set<String> materials, Boolean promiseSigned, Boolean authorisationSigned) {
    }

    @Schema(name = "HomeVisitInput")
    public record HomeVisit(
            @NotNull(message = "{application.date.required}") @PastOrPresent(message = "{application.date.future}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
            @NotBlank(message = "{application.investigators.required}") @Size(max = 300, message = "{application.tooLong}")
            String investigators,
            @NotBlank(message = "{application.findings.required}") @Size(max = 4000, message = "{application.tooLong}")
            String findings,
            Boolean applicantSigned,
            Boolean investigatorsSigned) {
    }

    @Schema(name = "InterviewInput")
    public record Interview(
            @NotNull(message = "{application.date.required}") @PastOrPresent(message = "{application.date.future}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate interviewedOn,
            @NotBlank(message = "{application.interviewee.required}") @Size(max = 60, message = "{application.tooLong}")
            String interviewee,
            @NotBlank(message = "{application.notes.required}") @Size(max = 2000, message = "{application.tooLong}")
            String notes) {
    }

    public record VerificationResult(
            @NotNull(message = "{application.outcome.required}") VerificationOutcome outcome,
            @NotBlank(message = "{application.result.required}") @Size(max = 4000, message = "{application.tooLong}")
            String result) {
    }

    public enum VerificationOutcome { CONSISTENT, DISCREPANCY }

    /** 初审: the opinion, based on a check of the household as of {@code month}. */
    @Schema(name = "ReviewInput")
    public record Review(
            @NotNull(message = "{eligibility.month.required}") @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @NotNull(message = "{application.eligible.required}") Boolean eligible,
            @NotBlank(message = "{application.opinion.required}") @Size(max = 2000, message = "{application.tooLong}")
            String opinion,
            @Size(max = 200, message = "{application.tooLong}") String location,
            @DecimalMin(value = "0.01", message = "{application.amount.positive}")
            @Digits(integer = 10, fraction = 2, message = "{standard.decimal.format}") BigDecimal amount,
            @PastOrPresent(message = "{application.date.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate deliberationOn,
            @Min(value = 1, message = "{standard.int.min}") @Max(value = 200, message = "{standard.int.max}")
            Integer deliberationSize,
            @Min(value = 0, message = "{standard.int.min}") @Max(value = 200, message = "{standard.int.max}")
            Integer deliberationFor,
            @Size(max = 1000, message = "{application.tooLong}") String deliberationNote) {
    }

    @Schema(name = "ObjectionInput")
    public record Objection(
            @NotNull(message = "{application.date.required}") @PastOrPresent(message = "{application.date.future}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @NotBlank(message = "{application.objection.required}") @Size(max = 2000, message = "{application.tooLong}")
            String content) {
    }

    /** A written reason: refusal, withdrawal, termination, return for supplement, extension, complaint. */
    public record Reason(
            @NotBlank(message = "{application.reason.required}") @Size(max = 2000, message = "{application.tooLong}")
            String reason) {
    }

    public record Approve(@Size(max = 2000, message = "{application.tooLong}") String comment) {
    }

    public record Delivery(
            @NotNull(message = "{application.date.required}") @PastOrPresent(message = "{application.date.future}")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn) {
    }

    /** 先行救助: aid paid at once from the township's stand-by fund. */
    public record UrgentGrant(
            @NotNull(message = "{application.amount.required}") @DecimalMin(value = "0.01", message = "{application.amount.positive}")
            @Digits(integer = 10, fraction = 2, message = "{standard.decimal.format}") BigDecimal amount,
            @NotBlank(message = "{application.reason.required}") @Size(max = 500, message = "{application.tooLong}")
            String reason) {
    }
}
