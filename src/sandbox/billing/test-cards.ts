import { cardError, parameterInvalid } from '../errors.js';
import { CardBehaviour } from '../state/sandbox-state.js';

/** Stripe's test card numbers and how each behaves. */
const CARD_NUMBERS: Record<string, CardBehaviour> = {
  '4242424242424242': CardBehaviour.succeeds,
  '4000000000000341': CardBehaviour.failsAfterAttach,
  '4000000000000002': CardBehaviour.declined,
  '4000000000009995': CardBehaviour.insufficientFunds,
};

/** Stripe's test payment methods and how each behaves. */
const PAYMENT_METHODS: Record<string, CardBehaviour> = {
  pm_card_visa: CardBehaviour.succeeds,
  pm_card_mastercard: CardBehaviour.succeeds,
  pm_card_chargeCustomerFail: CardBehaviour.failsAfterAttach,
  pm_card_chargeDeclined: CardBehaviour.declined,
  pm_card_chargeDeclinedInsufficientFunds: CardBehaviour.insufficientFunds,
};

/** The behaviour of a typed card number (spaces allowed). */
export function behaviourOfCardNumber(number: string): CardBehaviour {
  const digits = number.replace(/[\s-]/g, '');
  const behaviour = CARD_NUMBERS[digits];
  if (!behaviour) {
    throw cardError(
      'Your card number is incorrect. Use a Stripe test card such as 4242 4242 4242 4242.',
      'incorrect_number',
    );
  }
  return behaviour;
}

/** The behaviour of a test payment method such as `pm_card_visa`. */
export function behaviourOfPaymentMethod(paymentMethod: string): CardBehaviour {
  const behaviour = PAYMENT_METHODS[paymentMethod];
  if (!behaviour) {
    throw parameterInvalid(
      'payment_method',
      `Unknown test payment method '${paymentMethod}'. Use one of: ${Object.keys(PAYMENT_METHODS).join(', ')}.`,
    );
  }
  return behaviour;
}

/**
 * Charges a card: nothing when it goes through, else the card error Stripe
 * gives. `isFirstCharge` is the payment made while attaching the card.
 */
export function chargeCard(
  behaviour: CardBehaviour | undefined,
  isFirstCharge: boolean,
) {
  switch (behaviour) {
    case CardBehaviour.succeeds:
      return undefined;
    case CardBehaviour.failsAfterAttach:
      return isFirstCharge
        ? undefined
        : cardError(
            'Your card was declined.',
            'card_declined',
            'generic_decline',
          );
    case CardBehaviour.declined:
      return cardError(
        'Your card was declined.',
        'card_declined',
        'generic_decline',
      );
    case CardBehaviour.insufficientFunds:
      return cardError(
        'Your card has insufficient funds.',
        'card_declined',
        'insufficient_funds',
      );
    default:
      return cardError(
        'This customer has no attached payment source or default payment method.',
        'resource_missing',
      );
  }
}
