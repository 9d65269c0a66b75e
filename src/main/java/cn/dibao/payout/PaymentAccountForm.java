package cn.dibao.payout;

import cn.dibao.common.identity.IdType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new 收款账户 for a payee (replacing their account in use, if any). The annotations give forms and
 * the API every missing field at once; {@link PaymentAccountService#open} checks all of it again
 * (format, Luhn, ID number, holder and custody rules).
 *
 * @param personId          the payee: a current member of the household
 * @param accountNo         16–19 digits, Luhn-valid; spaces and hyphens are ignored
 * @param holderIdType      the holder's document type, for checking the number only (default 居民身份证)
 * @param holderIdNumber    the holder's ID number; the payee's masked number (as shown) stands for the payee's own
 * @param custody           代管: staff keep the card or passbook (needs a signed agreement)
 * @param custodyDocumentId an agreement already filed for this household (purpose {@code CUSTODY_AGREEMENT}),
 *                          instead of uploading one
 */
public record PaymentAccountForm(
        @NotNull(message = "{payment.payee.required}") Long personId,
        @NotNull(message = "{payment.channel.required}") PaymentChannel channel,
        @NotBlank(message = "{payment.bankName.required}") @Size(max = 60, message = "{payment.bankName.tooLong}") String bankName,
        @NotBlank(message = "{payment.accountNo.required}") @Size(max = 40, message = "{payment.accountNo.length}") String accountNo,
        @NotBlank(message = "{payment.holderName.required}") @Size(max = 50, message = "{payment.holderName.tooLong}") String holderName,
        IdType holderIdType,
        @NotBlank(message = "{id.required}") @Size(max = 20, message = "{id.resident.format}") String holderIdNumber,
        Boolean custody,
        Long custodyDocumentId) {

    /** Whether 代管 was asked for (absent means no). */
    public boolean custodyRequested() {
        return Boolean.TRUE.equals(custody);
    }
}
