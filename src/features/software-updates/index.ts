/** Software updates: their views, their Properties, and the compliance counts that open the clients behind them. */
export {
  ComplianceCountLink,
  ComplianceDrillContext,
  drillLinkName,
  type ComplianceDrillTarget,
} from './compliance-drill';
