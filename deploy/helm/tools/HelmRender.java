import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;

/**
 * `java -cp <helm-java classpath> HelmRender.java <chart> <release> <namespace> <values.yaml>[,<values.yaml>...] ...`:
 * `helm lint --strict` of the chart (messages on stderr, exit 1 if it fails), then one `helm template`
 * per argument, each with its comma-separated values files, on stdout after a line
 * `#### render <n>`. One JVM for all of them: starting Helm's native library is the slow part.
 * Through this library `template` leaves hooks out: check.mjs also renders with `migrations.hook: false`.
 */
public class HelmRender {
  /** The Kubernetes version rendered for; check.mjs validates against the schemas of kubernetes-models. */
  static final String KUBE_VERSION = "1.30.0";

  public static void main(String[] args) throws Exception {
    Helm helm = new Helm(Path.of(args[0]));
    LintResult lint = helm.lint().strict().call();
    for (String message : lint.getMessages()) System.err.println("lint: " + message);
    if (lint.isFailed()) System.exit(1);
    for (int i = 3; i < args.length; i++) {
      TemplateCommand template = helm.template().withName(args[1]).withNamespace(args[2]).withKubeVersion(KUBE_VERSION);
      for (String values : args[i].split(",")) template = template.withValuesFile(Path.of(values));
      System.out.println("#### render " + (i - 3));
      System.out.println(template.call());
    }
  }
}
