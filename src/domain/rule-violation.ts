/**
 * A domain rule refused an operation (the server answers 409 CONFLICT with the rule's name and this message).
 * The state is left exactly as it was.
 */
export class RuleViolation extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}
