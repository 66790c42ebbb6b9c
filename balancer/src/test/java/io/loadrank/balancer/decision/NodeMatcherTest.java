package io.loadrank.balancer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.balancer.ranking.HostLoad;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeMatcherTest {

    private static final String ID_1 = "11111111-1111-4111-8111-111111111111";
    private static final String ID_2 = "22222222-2222-4222-8222-222222222222";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // name, node id, node addresses, node dc, host name, host address, host id, matches
                "given equal host ids, when matched, then the node is the host |                 " + ID_1
                        + " | 10.0.0.1 | dc1 | cass-1 |   - |        " + ID_1 + " | true",
                "given different host ids and equal addresses, when matched, then no match |     " + ID_1
                        + " | 10.0.0.1 | dc1 | cass-1 |   10.0.0.1 | " + ID_2 + " | false",
                "given no host id in ranking and equal address, when matched, then match |       " + ID_1
                        + " | 10.0.0.1 | dc1 | cass-1 |   10.0.0.1 | - | true",
                "given no host id in ranking and name equal to an address, when matched, then match | " + ID_1
                        + " | 10.0.0.9 10.0.0.1 | dc1 | 10.0.0.1 | - | - | true",
                "given no host id on node and equal address, when matched, then match |          - |        10.0.0.1 | dc1 | cass-1 |   10.0.0.1 | "
                        + ID_2 + " | true",
                "given a name in another case, when matched, then match |                        - |        CASS-1.example.org | dc1 | cass-1.example.org | - | - | true",
                "given nothing in common, when matched, then no match |                          - |        10.0.0.1 | dc1 | cass-1 |   10.0.0.2 | - | false",
            })
    void matching(
            String name,
            String nodeId,
            String nodeAddresses,
            String nodeDc,
            String hostName,
            String hostAddress,
            String hostId,
            boolean expected) {
        NodeIdentity node = new NodeIdentity(nodeId, List.of(nodeAddresses.split(" ")), nodeDc);
        HostLoad host = new HostLoad(hostName, hostAddress, null, hostId, 1, false, false);

        assertThat(NodeMatcher.matches(node, host)).isEqualTo(expected);
    }
}
