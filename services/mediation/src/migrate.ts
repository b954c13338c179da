import { migrateService } from '@gonghui/service-kit';
import { mediationService } from './service';

migrateService(mediationService());
