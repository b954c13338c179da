import { Module } from '@nestjs/common';
import { HealthModule } from '@gonghui/service-kit';
import { UsersModule } from './users/users.module';
import { DocsController } from './docs/docs.controller';
import { AsyncApiAggregator } from './docs/asyncapi-aggregator';
import { OpenApiAggregator } from './docs/openapi-aggregator';
import { GatewayHealthController } from './health/gateway-health.controller';
import { OpsMetricsController } from './ops/ops-metrics.controller';

@Module({
  // HealthModule also comes with every service's root module; imported here so the console's OpenAPI preview resolves it too.
  imports: [UsersModule, HealthModule],
  controllers: [DocsController, GatewayHealthController, OpsMetricsController],
  providers: [OpenApiAggregator, AsyncApiAggregator],
})
export class GatewayModule {}
