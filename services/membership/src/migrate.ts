import { migrateService } from '@gonghui/service-kit';
import { membershipService } from './service';

migrateService(membershipService());
