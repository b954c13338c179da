import { Module } from '@nestjs/common';
import { UsersModule } from './users/users.module';
import { DocsController } from './docs/docs.controller';
import { AsyncApiAggregator } from './docs/asyncapi-aggregator';
import { OpenApiAggregator } from './docs/openapi-aggregator';
import { GatewayHealthController } from './health/gateway-health.controller';

@Module({
  imports: [UsersModule],
  controllers: [DocsController, GatewayHealthController],
  providers: [OpenApiAggregator, AsyncApiAggregator],
})
export class GatewayModule {}
