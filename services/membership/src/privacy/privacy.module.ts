import { Module } from '@nestjs/common';
import { PersonalDataVault } from '@gonghui/identifiers';

/** One vault (keys from the environment) for every part of membership that touches identifiers. */
@Module({ providers: [{ provide: PersonalDataVault, useFactory: () => PersonalDataVault.fromEnv() }], exports: [PersonalDataVault] })
export class PrivacyModule {}
