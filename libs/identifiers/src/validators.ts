import { registerDecorator, ValidationOptions } from 'class-validator';
import { describeNationalIdProblem, parseNationalId } from './national-id';
import { parseCreditCode } from './credit-code';
import { isValidMobile } from './mobile';

/** class-validator decorators; messages are "中文 / English" like all user-facing text. */
export function IsNationalId(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNationalId',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseNationalId(value).ok,
        defaultMessage: (args) => {
          const parsed = typeof args?.value === 'string' ? parseNationalId(args.value) : null;
          const reason = parsed && !parsed.ok ? parsed.reason : 'format';
          return `${describeNationalIdProblem(reason, 'zh-CN')} / ${describeNationalIdProblem(reason, 'en')}`;
        },
      },
    });
}

export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseCreditCode(value).ok,
        defaultMessage: () => '统一社会信用代码无效（18位，末位校验码） / unified social credit code is invalid (18 characters with a check character)',
      },
    });
}

export function IsMainlandMobile(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMainlandMobile',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidMobile(value),
        defaultMessage: () => '手机号须为11位中国大陆手机号 / mobile must be an 11-digit mainland China mobile number',
      },
    });
}
