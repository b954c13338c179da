import { migrateService } from '@gonghui/service-kit';
import { gatewayService } from './service';

migrateService(gatewayService());
