package cn.dibao.payout;

/**
 * A current member of a household who may be a payee, for the account form.
 *
 * @param currentAccountMasked the masked number of their account in use, or null
 */
public record PaymentAccountPayee(long personId, String name, String idNumberMasked, boolean head,
                                  String currentAccountMasked) {
}
