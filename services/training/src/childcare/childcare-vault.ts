import { Module } from '@nestjs/common';
import { PersonalDataVault } from '@gonghui/identifiers';

/**
 * The vault that seals a child's name and the pick-up people (names, mobiles) at rest, with the
 * same PII keys as membership's; in production missing or weak keys stop the service at start.
 */
@Module({ providers: [{ provide: PersonalDataVault, useFactory: () => PersonalDataVault.fromEnv() }], exports: [PersonalDataVault] })
export class ChildcareVaultModule {}
