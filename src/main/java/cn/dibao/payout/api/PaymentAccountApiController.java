package cn.dibao.payout.api;

import cn.dibao.payout.PaymentAccountForm;
import cn.dibao.payout.PaymentAccountService;
import cn.dibao.payout.PaymentAccountView;
import cn.dibao.payout.RevealedPaymentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * 收款账户 for other systems: the same service, scope and rules as the pages; numbers masked; errors
 * are RFC 9457 problem documents (400 for missing or malformed fields, 422 for a refused rule, both
 * with {@code errors[].field}). The API takes no files: 代管 needs {@code custodyDocumentId}, a signed
 * agreement already filed for the household (uploaded on the account page, purpose CUSTODY_AGREEMENT;
 * a former account's {@code custodyDocumentId} can be reused when the card is replaced).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "payment accounts", description = "收款账户: where payees are paid")
@PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER','AUDITOR','ADMIN')")
class PaymentAccountApiController {

    private static final String WRITE = "hasAnyRole('CASEWORKER','REVIEWER')";

    private final PaymentAccountService accounts;

    PaymentAccountApiController(PaymentAccountService accounts) {
        this.accounts = accounts;
    }

    record Deactivation(String reason) {
    }

    @GetMapping("/households/{id}/payment-accounts")
    @Operation(summary = "The household's payment accounts, newest first, in use and former (numbers masked)")
    List<PaymentAccountView> list(@PathVariable long id) {
        return accounts.list(id);
    }

    @PostMapping("/households/{id}/payment-accounts")
    @PreAuthorize(WRITE)
    @Operation(summary = "Open a payee's account; their account in use, if any, is deactivated in the same step")
    ResponseEntity<PaymentAccountView> open(@PathVariable long id, @Valid @RequestBody PaymentAccountForm body) {
        long accountId = accounts.open(id, body);
        return ResponseEntity.created(URI.create("/api/v1/payment-accounts/" + accountId))
                .body(accounts.get(accountId));
    }

    @GetMapping("/payment-accounts/{id}")
    @Operation(summary = "One payment account (numbers masked)")
    PaymentAccountView get(@PathVariable long id) {
        return accounts.get(id);
    }

    @PostMapping("/payment-accounts/{id}/deactivate")
    @PreAuthorize(WRITE)
    @Operation(summary = "Deactivate an account in use, with a reason; the row is kept")
    PaymentAccountView deactivate(@PathVariable long id, @RequestBody(required = false) Deactivation body) {
        return accounts.deactivate(id, body == null ? null : body.reason());
    }

    @PostMapping("/payment-accounts/{id}/reveal")
    @Operation(summary = "The full account and holder ID numbers; permitted roles only, audited")
    RevealedPaymentAccount reveal(@PathVariable long id) {
        return accounts.reveal(id);
    }
}
