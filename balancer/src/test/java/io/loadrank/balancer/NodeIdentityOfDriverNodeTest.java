package io.loadrank.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.datastax.oss.driver.api.core.metadata.Node;
import io.loadrank.balancer.decision.NodeIdentity;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NodeIdentityOfDriverNodeTest {

    private static final UUID HOST_ID = UUID.fromString("6A0E1C2E-0000-4000-8000-000000000001");

    @Test
    void givenANodeWithHostIdAndAddresses_whenIdentified_thenIdLowerCaseAndEachAddressOnce() {
        Node node = node(HOST_ID, new InetSocketAddress("10.0.0.1", 9042), new InetSocketAddress("10.0.0.1", 7000));

        NodeIdentity identity = LoadAwareLoadBalancingPolicy.identity(node);

        assertThat(identity.hostId()).isEqualTo("6a0e1c2e-0000-4000-8000-000000000001");
        assertThat(identity.addresses()).containsExactly("10.0.0.1");
        assertThat(identity.datacenter()).isEqualTo("dc1");
    }

    @Test
    void givenDifferentRpcAndBroadcastAddresses_whenIdentified_thenRpcAddressFirstThenBroadcast() {
        Node node = node(null, new InetSocketAddress("192.168.1.5", 9042), new InetSocketAddress("10.0.0.5", 7000));

        NodeIdentity identity = LoadAwareLoadBalancingPolicy.identity(node);

        assertThat(identity.hostId()).isNull();
        assertThat(identity.addresses()).containsExactly("192.168.1.5", "10.0.0.5");
    }

    @Test
    void givenAnUnresolvedNamedAddress_whenIdentified_thenTheNameWithoutAnyLookup() {
        Node node = node(null, InetSocketAddress.createUnresolved("cass-1.example.org", 9042), null);

        NodeIdentity identity = LoadAwareLoadBalancingPolicy.identity(node);

        assertThat(identity.addresses()).isEqualTo(List.of("cass-1.example.org"));
    }

    private static Node node(UUID hostId, InetSocketAddress rpc, InetSocketAddress broadcast) {
        Node node = mock(Node.class);
        when(node.getHostId()).thenReturn(hostId);
        when(node.getBroadcastRpcAddress()).thenReturn(Optional.ofNullable(rpc));
        when(node.getBroadcastAddress()).thenReturn(Optional.ofNullable(broadcast));
        when(node.getDatacenter()).thenReturn("dc1");
        return node;
    }
}
