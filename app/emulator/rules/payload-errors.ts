import { getNamedType, getNullableType, isEnumType, isListType, isObjectType, type GraphQLResolveInfo } from "graphql";

/**
 * A mutation payload carrying one user error, built from the payload type itself: every other field null and
 * `userErrors: [{ field, message, code }]`. With `message` omitted the code's own 2026-10 enum description is the
 * message. Returns null when the payload's error codes do not include `code` (the caller then answers top-level).
 */
export function payloadUserError(info: GraphQLResolveInfo, field: string[] | null, code: string, message?: string): Record<string, unknown> | null {
  const payloadType = getNamedType(info.returnType);
  if (!isObjectType(payloadType)) return null;
  const userErrorsField = payloadType.getFields().userErrors;
  if (!userErrorsField) return null;
  const errorType = getNamedType(userErrorsField.type);
  const codeType = isObjectType(errorType) ? errorType.getFields().code : undefined;
  const codeEnum = codeType ? getNullableType(codeType.type) : undefined;
  const value = codeEnum && isEnumType(codeEnum) ? codeEnum.getValue(code) : undefined;
  if (!value) return null;
  const payload: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(payloadType.getFields())) payload[name] = isListType(getNullableType(f.type)) ? [] : null;
  payload.userErrors = [{ field, message: message ?? (value.description ?? code).replace(/\s+/g, " ").trim(), code }];
  return payload;
}
