import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, PageQuery, RequestId } from '@gonghui/service-kit';
import { CodeView, GrantPackageRequest, IssueCodeRequest, ListPackagesQuery, PackagePage, PackageView, RedeemRequest, RedemptionPage, RedemptionItemView, RedemptionView } from './benefit-package.dto';
import { BenefitPackages } from './benefit-packages';

@ApiTags('aid: benefit packages (常态化帮扶)')
@Controller('api/v1/aid/benefit-packages')
export class BenefitPackagesController {
  constructor(private readonly packages: BenefitPackages) {}

  @Post()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Grant a recurring in-kind package to an open hardship file’s member', description: 'Publishes cn.gonghui.aid.benefit-package.granted.v1.' })
  @ApiCreatedResponse({ type: PackageView })
  @ApiBadRequestResponse({ description: 'Invalid fields: dates, an entitlement twice at one service point, a period or item kind not known' })
  @ApiNotFoundResponse({ description: 'No such hardship file in your subtree' })
  @ApiConflictResponse({ description: 'The file is closed' })
  grant(@Body() body: GrantPackageRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<PackageView> {
    return this.packages.grant(body, principal, requestId);
  }

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Packages of your subtree, oldest first, each with this period’s use' })
  @ApiOkResponse({ type: PackagePage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  list(@Query() query: ListPackagesQuery, @CurrentPrincipal() principal: Principal): Promise<Page<PackageView>> {
    return this.packages.list(query, principal);
  }

  @Get(':id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One package: its status and, per entitlement, the current period with what is used and left' })
  @ApiOkResponse({ type: PackageView })
  @ApiNotFoundResponse({ description: 'No such package in your subtree' })
  view(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<PackageView> {
    return this.packages.view(id, principal);
  }

  @Post(':id/codes')
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Issue a one-time redemption code for the member to show (核销码)',
    description: 'Unguessable (60 random bits), expiring, good for one redemption; only its hash is stored. The member shows it instead of any ID.',
  })
  @ApiCreatedResponse({ type: CodeView })
  @ApiNotFoundResponse({ description: 'No such package in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'The package is not in force (not started, ended, or its file closed)' })
  issueCode(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: IssueCodeRequest, @CurrentPrincipal() principal: Principal): Promise<CodeView> {
    return this.packages.issueCode(id, body, principal);
  }

  @Get(':id/redemptions')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The package’s redemptions, oldest first' })
  @ApiOkResponse({ type: RedemptionPage })
  @ApiNotFoundResponse({ description: 'No such package in your subtree' })
  redemptions(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<RedemptionItemView>> {
    return this.packages.redemptionsOf(id, query, principal);
  }
}

@ApiTags('aid: benefit packages (常态化帮扶)')
@Controller('api/v1/aid/benefit-redemptions')
export class BenefitRedemptionsController {
  constructor(private readonly packages: BenefitPackages) {}

  @Post()
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Record a redemption at a service point by the member’s code (核销)',
    description:
      'Spends the code and counts the quantity against the current period’s quota in one transaction; two service points redeeming at once queue on the quota row, so it is never passed. Publishes cn.gonghui.aid.benefit.redeemed.v1.',
  })
  @ApiCreatedResponse({ type: RedemptionView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown, expired or used code; the package not in force; an item not in the package or at another service point' })
  @ApiConflictResponse({ description: 'Beyond the period’s quota' })
  redeem(@Body() body: RedeemRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<RedemptionView> {
    return this.packages.redeem(body, principal, requestId);
  }
}
