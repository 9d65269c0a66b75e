package cn.dibao.payout;

import cn.dibao.document.StoredDocumentView;

import java.util.List;

/**
 * What the account form offers for a household: its current members as payees (the head first) and
 * the custody agreements already filed for it.
 */
public record PaymentAccountChoices(long householdId, String address, boolean householdActive,
                                    List<PaymentAccountPayee> payees, List<StoredDocumentView> agreements) {
}
