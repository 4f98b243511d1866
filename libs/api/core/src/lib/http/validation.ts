import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(
  errors: ValidationError[],
  parent = '',
): { field: string; rule: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Validation for every request body and query: unknown fields are refused (not silently dropped),
 * and the error names each field and rule that failed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const list = flatten(errors);
      return new BadRequestException({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: `Please correct: ${list.map((e) => `${e.field} (${e.message})`).join('; ')}`,
        errors: list,
      });
    },
  });
}
