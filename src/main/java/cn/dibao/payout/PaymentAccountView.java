package cn.dibao.payout;

import java.time.Instant;

/**
 * A 收款账户 as pages and the API show it: account and ID numbers masked
 * ({@link PaymentAccountService#reveal} shows them, audited).
 *
 * @param deactivatedAt when it stopped being the payee's account in use (null while active)
 */
public record PaymentAccountView(long id, long householdId, long personId, String payeeName, PaymentChannel channel,
                                 String bankName, String accountNoMasked, String holderName,
                                 String holderIdNumberMasked, boolean custody, Long custodyDocumentId, boolean active,
                                 Instant openedAt, String openedBy, Instant deactivatedAt, String deactivatedBy) {
}
