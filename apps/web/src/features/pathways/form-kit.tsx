// The shared form pieces (components/form-kit.tsx), with the pathways texts loaded for the callers' `t`.
import './pathways-i18n.ts';

export {
  checker,
  type Errors,
  FormModal,
  ServerProblem,
  type Text2,
  todayDmy,
  tx,
} from '../../components/form-kit.tsx';
