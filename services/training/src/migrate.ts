import { migrateService } from '@gonghui/service-kit';
import { trainingService } from './service';

migrateService(trainingService());
