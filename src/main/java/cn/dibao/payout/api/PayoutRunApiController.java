package cn.dibao.payout.api;

import cn.dibao.common.error.InvalidUploadException;
import cn.dibao.payout.BankFileDownload;
import cn.dibao.payout.PayoutIssue;
import cn.dibao.payout.PayoutItem;
import cn.dibao.payout.PayoutItemQuery;
import cn.dibao.payout.PayoutRun;
import cn.dibao.payout.PayoutRunService;
import cn.dibao.payout.PayoutRunService.BankFileFormat;
import cn.dibao.payout.PayoutTotal;
import cn.dibao.payout.ReturnImportResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Monthly payout runs for other systems (issue 6): the same service, rules, scope and messages as
 * the pages. A refused rule is a 422 problem (with the field when it concerns one), a refused actor
 * (role, four eyes) a 403, a run outside the caller's area a 404, a bad request a 400 naming its fields.
 */
@RestController
@Tag(name = "payout-runs", description = "发放: monthly runs per county, four-eyes approval, bank file, return files, close")
class PayoutRunApiController {

    /** Runs are county business: the service checks the reviewer's scope and the four eyes again. */
    private static final String WRITE = "hasRole('REVIEWER')";
    private static final String API = "/api/v1/payout-runs";

    private final PayoutRunService runs;
    private final MessageSource messages;

    PayoutRunApiController(PayoutRunService runs, MessageSource messages) {
        this.runs = runs;
        this.messages = messages;
    }

    record NewRun(@NotBlank(message = "{payout.county.unknown}")
                  @Schema(example = "370211000000", description = "12-digit county code") String countyCode,
                  @NotNull(message = "{payout.month.required}")
                  @Schema(type = "string", example = "2026-07", description = "yyyy-MM") YearMonth month) {
    }

    /** issued = paid + failed + returned (+ open until every line is answered), exact to the fen. */
    record Reconciliation(int issuedCount, BigDecimal issuedAmount, int paidCount, BigDecimal paidAmount,
                          int failedCount, BigDecimal failedAmount, int returnedCount, BigDecimal returnedAmount,
                          int openCount, BigDecimal openAmount, boolean reconciled) {

        static Reconciliation of(PayoutRun r) {
            return new Reconciliation(r.itemCount(), r.totalAmount(), r.paidCount(), r.paidAmount(), r.failedCount(),
                    r.failedAmount(), r.returnedCount(), r.returnedAmount(), r.openCount(), r.openAmount(),
                    r.reconciled());
        }
    }

    record RunDetail(PayoutRun run, int exceptionCount, List<PayoutTotal> totals, Reconciliation reconciliation) {
    }

    record ItemPage(List<PayoutItem> items, int offset, int limit, boolean hasMore) {
    }

    record HandPayment(@NotBlank(message = "{payout.hand.note}") @Size(max = 200, message = "{payout.hand.note}")
                       String note) {
    }

    /** One error of a rejected return file: its line (0 = the whole file) and what is wrong. */
    record LineProblem(int line, String message) {
    }

    // ---- runs ---------------------------------------------------------------------------------

    @PostMapping(API)
    @PreAuthorize(WRITE)
    @Operation(summary = "Generate the run of a county and month (county reviewer)",
            description = "201 with the new run; 200 with the existing run when it was generated before (nothing is"
                    + " added to it), or when it was left GENERATING by a generator that died (it is cleared and"
                    + " generated again, same id). A run is approvable only once GENERATED. Months up to next month.")
    ResponseEntity<RunDetail> generate(@Valid @RequestBody NewRun body) {
        boolean existed = runs.find(body.countyCode(), body.month()).isPresent();
        PayoutRun run = runs.generate(body.countyCode(), body.month());
        RunDetail detail = detail(run.id());
        return existed ? ResponseEntity.ok(detail)
                : ResponseEntity.created(URI.create(API + "/" + run.id())).body(detail);
    }

    @GetMapping(API)
    @Operation(summary = "The runs in the caller's area scope, newest month first")
    List<PayoutRun> list(@RequestParam(defaultValue = "50") @Min(value = 1, message = "{payouts.api.limit}")
                         @Max(value = 500, message = "{payouts.api.limit}") int limit) {
        return runs.list(limit);
    }

    @GetMapping(API + "/{id}")
    @Operation(summary = "A run with its totals by township, programme and kind, and the reconciliation")
    RunDetail get(@PathVariable long id) {
        return detail(id);
    }

    @GetMapping(API + "/{id}/issues")
    @Operation(summary = "Exceptions: zero amounts, payees without an account, changes over the alert percentage")
    List<PayoutIssue> issues(@PathVariable long id,
                             @RequestParam(defaultValue = "1000") @Min(value = 1, message = "{payouts.api.issueLimit}")
                             @Max(value = 10000, message = "{payouts.api.issueLimit}") int limit) {
        return runs.issues(id, limit);
    }

    @GetMapping(API + "/{id}/items")
    @Operation(summary = "A page of a run's items (account numbers masked)",
            description = "q: the start of the payee's name, or a household or benefit id. limit is 1–500.")
    ItemPage items(@PathVariable long id,
                   @RequestParam(required = false) @Pattern(regexp = "[0-9]{12}", message = "{area.code.format}")
                   @Parameter(description = "12-digit township code") String township,
                   @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,30}", message = "{payouts.api.programme}")
                   String programme,
                   @RequestParam(required = false)
                   @Pattern(regexp = "MONTHLY|ONE_OFF|ARREARS|RECOVERY|SUPPLEMENT", message = "{payouts.api.kind}")
                   String kind,
                   @RequestParam(required = false) @Pattern(regexp = "ISSUED|PAID|FAILED|RETURNED",
                           message = "{payouts.api.status}") String status,
                   @RequestParam(required = false) @Size(max = 60, message = "{payouts.api.q}") String q,
                   @RequestParam(defaultValue = "0") @Min(value = 0, message = "{payouts.api.offset}")
                   @Max(value = 100_000_000, message = "{payouts.api.offset}") int offset,
                   @RequestParam(defaultValue = "100") @Min(value = 1, message = "{payouts.api.itemLimit}")
                   @Max(value = 500, message = "{payouts.api.itemLimit}") int limit) {
        List<PayoutItem> items = runs.items(id, new PayoutItemQuery(township, programme, kind, status, q), offset,
                limit + 1);
        boolean more = items.size() > limit;
        return new ItemPage(more ? items.subList(0, limit) : items, offset, limit, more);
    }

    @PostMapping(API + "/{id}/approve")
    @PreAuthorize(WRITE)
    @Operation(summary = "Approve a GENERATED run (a county reviewer other than the one who generated it)")
    RunDetail approve(@PathVariable long id) {
        runs.approve(id);
        return detail(id);
    }

    @GetMapping(API + "/{id}/bank-file")
    @PreAuthorize(WRITE)
    @Operation(summary = "Download the bank file of an APPROVED or EXPORTED run, streamed (audited; marks it EXPORTED)",
            description = "Full names, ID and account numbers, as the bank needs them. One line per benefit with a"
                    + " positive net amount and an account.",
            responses = @ApiResponse(responseCode = "200", description = "The file as an attachment",
                    content = {@Content(mediaType = "text/csv"),
                            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}))
    void bankFile(@PathVariable long id,
                  @RequestParam(defaultValue = "csv") @Pattern(regexp = "(?i)csv|xlsx", message = "{payouts.bankFile.format}")
                  String format, HttpServletResponse response) throws IOException {
        String ext = BankFileDownload.extension(format);
        PayoutRun run = runs.get(id);
        BankFileDownload out = new BankFileDownload(response, BankFileDownload.contentType(ext),
                BankFileDownload.fileName(run.countyCode(), run.month(), ext));
        runs.exportBankFile(id, ext.equals("xlsx") ? BankFileFormat.XLSX : BankFileFormat.CSV, out);
        out.finish();
    }

    @PostMapping(API + "/{id}/returns")
    @PreAuthorize(WRITE)
    @Operation(summary = "Take the bank's return file of an EXPORTED run (multipart field `file`)",
            description = "Applied whole: 200 with the counts. Rejected whole: 422 problem whose `errors` list every"
                    + " error as {line, message} (line 0: the whole file); no item was changed.")
    ResponseEntity<Object> returns(@PathVariable long id,
                                   @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            throw new InvalidUploadException("file", "payouts.returns.file.required");
        }
        if (file.isEmpty()) {
            throw new InvalidUploadException("file", "payouts.returns.file.empty");
        }
        ReturnImportResult r = runs.importReturns(id, file.getOriginalFilename(), file.getBytes());
        if (r.applied()) {
            return ResponseEntity.ok(r);
        }
        String detail = messages.getMessage("payouts.returns.rejected.api", new Object[] {r.errors().size()},
                LocaleContextHolder.getLocale());
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        pd.setType(URI.create("urn:dibao:problem:return-file-rejected"));
        pd.setTitle(messages.getMessage("error.422.title", null, LocaleContextHolder.getLocale()));
        pd.setProperties(Map.of("importId", r.importId(), "errors",
                r.errors().stream().map(e -> new LineProblem(e.lineNo(), e.message())).toList()));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @GetMapping(API + "/{id}/returns")
    @Operation(summary = "The return files taken for a run, newest first (applied or rejected)")
    List<ReturnImportResult> imports(@PathVariable long id) {
        return runs.imports(id);
    }

    @PostMapping(API + "/{id}/close")
    @PreAuthorize(WRITE)
    @Operation(summary = "Close an EXPORTED run once every bank line is answered; issued = paid + failed + returned")
    RunDetail close(@PathVariable long id) {
        runs.close(id);
        return detail(id);
    }

    @PostMapping("/api/v1/payout-items/{id}/pay-by-hand")
    @PreAuthorize(WRITE)
    @Operation(summary = "线下补发: pay a FAILED or RETURNED item again by hand before the run is closed",
            description = "A new PAID item for the same benefit, month and kind, with how it was paid (`note`).")
    PayoutItem payByHand(@PathVariable long id, @Valid @RequestBody HandPayment body) {
        return runs.payByHand(id, body.note());
    }

    private RunDetail detail(long id) {
        PayoutRun run = runs.get(id);
        return new RunDetail(run, run.exceptionCount(), runs.totals(id), Reconciliation.of(run));
    }
}
