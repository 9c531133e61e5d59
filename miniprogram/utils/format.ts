/** Small display helpers shared by pages: the contract's display rules, one for both sides. */
export { hoursOf, maskMobile } from '../typings/display';
