import { migrateService } from '@gonghui/service-kit';
import { aidService } from './service';

migrateService(aidService());
